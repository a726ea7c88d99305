"""scripts/audit.py --floor: the two one-sentence pages it audits differ only by our setup.

Their scores are measured, not asserted (see the README); what is checked here is that
the comparison is what it says: the same sentence, with this site's setup on one side
and nothing of ours on the other.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def audit_script():
    spec = importlib.util.spec_from_file_location("audit_script", ROOT / "scripts" / "audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def floor(audit_script, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("floor")
    sites = audit_script.floor_sites(tmp, {audit_script.FLOOR_SETUP: 8101, audit_script.FLOOR_STOCK: 8102})
    return {label: (folder / "index.html").read_text("utf-8") for label, folder in sites.items()}


def test_both_pages_hold_the_one_sentence_and_no_more(audit_script, floor):
    for label, html in floor.items():
        article = html[html.index("<article") : html.index("</article>")]
        assert "One sentence of text, and nothing else on the page." in article, label
        assert article.count("<p>") == 1, label


def test_the_setup_page_is_built_as_this_site_is(audit_script, floor):
    html = floor[audit_script.FLOOR_SETUP]
    assert 'src="assets/postkit/postkit.js"' in html
    assert "<script defer src=" in html  # overrides/main.html
    assert html.count('rel="stylesheet"') == 1  # merge_stylesheets
    assert 'property="og:image"' in html  # previews
    assert "http://127.0.0.1:8101/" in html


def test_the_stock_page_has_nothing_of_ours_but_the_same_features(audit_script, floor):
    html = floor[audit_script.FLOOR_STOCK]
    assert "postkit" not in html
    assert "<script defer" not in html
    assert html.count('rel="stylesheet"') == 2  # Material's two
    assert "http://127.0.0.1:8102/" in html
    for feature in ("navigation.instant", "search.suggest", "toc.follow"):
        assert f'"{feature}"' in html, feature
    assert 'data-md-component="palette"' in html
