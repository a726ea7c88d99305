"""The real site, built strict: no warnings, the post intact and in order, links that resolve."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from support.safety import elements
from support.sites import ROOT, build_project, captured_warnings, main_content, warnings_of

POST = (Path(__file__).parents[1] / "reference" / "post.md").read_text("utf-8")
NAV_PAGES = ["index.html", "perspective/index.html", "videos/index.html", "reflections/index.html", "looking-forward/index.html"]
ALL_PAGES = [*NAV_PAGES, "all-videos/index.html"]


@pytest.fixture(scope="module")
def build_warnings():
    return []


@pytest.fixture(scope="module")
def site(tmp_path_factory, build_warnings):
    """Built as a GitHub project page would be, under /post/."""
    with captured_warnings() as warnings:
        path = build_project(tmp_path_factory.mktemp("site"), site_url="https://example.github.io/post/")
    build_warnings += warnings
    return path


def text_of(html: str) -> str:
    html = re.sub(r'<a class="headerlink".*?</a>', "", html, flags=re.DOTALL)
    html = re.sub(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|figure|div|br)\b[^>]*>", " ", html)  # blocks apart
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())  # inline tags joined


def post_sentences() -> list[str]:
    """Every sentence of the post, as plain text, in order (section numbers dropped)."""
    sentences = []
    for line in POST.splitlines():
        line = line.strip()
        if not line or line.startswith("<iframe"):
            continue
        line = re.sub(r"^#+\s*(\d+\.\s*)?", "", line)  # headings, and their "0." … "4."
        line = re.sub(r"^>\s*", "", line)
        line = re.sub(r"^-\s+", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = line.replace("**", "").replace("*", "")
        sentences += [s for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z\"'(])", " ".join(line.split())) if s]
    return sentences


def test_the_site_builds_strict_without_a_warning(site, build_warnings):
    assert build_warnings == []
    for page in [*ALL_PAGES, "404.html", "sitemap.xml", "search/search_index.json"]:
        assert (site / page).is_file(), page


def test_every_sentence_of_the_post_appears_in_nav_order(site):
    text = " ".join(text_of(main_content((site / page).read_text("utf-8"))) for page in NAV_PAGES)
    sentences = post_sentences()
    assert len(sentences) > 40
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)


def test_every_link_of_the_post_is_kept(site):
    html = "".join((site / page).read_text("utf-8") for page in NAV_PAGES)
    links = re.findall(r"\[([^\]]+)\]\(([^)]+)\)", POST)
    assert len(links) == 3
    for label, url in links:
        assert f'<a href="{url}">{label}</a>' in html, (label, url)


def test_quotes_stay_blockquotes_and_lead_ins_stay_bold(site):
    perspective = main_content((site / "perspective/index.html").read_text("utf-8"))
    assert perspective.count("<blockquote>") == 2
    reflections = main_content((site / "reflections/index.html").read_text("utf-8"))
    assert "<strong>Domain expertise is irreplaceable.</strong>" in reflections
    home = main_content((site / "index.html").read_text("utf-8"))
    assert "<strong>Key findings that resonated with me:</strong>" in home and home.count("<li>") == 4


def test_every_internal_link_and_anchor_resolves(site):
    ids = {page: set(re.findall(r'\sid="([^"]+)"', (site / page).read_text("utf-8"))) for page in ALL_PAGES}
    checked = 0
    for page in ALL_PAGES:
        base = "https://example.github.io/post/" + page.removesuffix("index.html")
        for href in re.findall(r'\shref="([^"]+)"', (site / page).read_text("utf-8")):
            url = urljoin(base, unescape(href))
            if not url.startswith("https://example.github.io/post/"):
                continue
            path, fragment = urlsplit(url).path.removeprefix("/post/"), urlsplit(url).fragment
            target = path + "index.html" if path.endswith("/") or not path else path
            assert (site / target).exists(), f"{page}: {href} -> {target}"
            if fragment and target in ids:
                assert fragment in ids[target], f"{page}: {href} has no #{fragment}"
            checked += 1
    assert checked > 50


def test_every_page_describes_itself_for_search_and_link_previews(site):
    for page in ALL_PAGES:
        html = (site / page).read_text("utf-8")
        metas = {tag.get("name") or tag.get("property"): tag.get("content") for tag in elements(html, "meta")}
        description = metas.get("description") or ""
        assert len(description) > 50, page
        assert metas["og:description"] == metas["twitter:description"] == description, page
        canonical = "https://example.github.io/post/" + page.removesuffix("index.html")
        assert f'<link rel="canonical" href="{canonical}">' in html, page
        assert f'<meta property="og:url" content="{canonical}">' in html, page
        for tag in (
            'property="og:type" content="article"',
            'property="article:author" content="Keunwoo Choi"',
            'property="article:published_time" content="2025-06"',
            'name="twitter:card"',
        ):
            assert f"<meta {tag}" in html, (page, tag)
    descriptions = {re.search(r'<meta name="description" content="([^"]+)"', (site / p).read_text("utf-8"))[1] for p in ALL_PAGES}
    assert len(descriptions) == len(ALL_PAGES), "each page has its own description"


def test_no_google_fonts_and_no_third_party_asset(site):
    for page in ALL_PAGES:
        html = (site / page).read_text("utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        for src in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html):
            assert src.startswith("https://example.github.io/post/"), (page, src)


def test_the_404_page_loads_its_assets_under_the_project_path(site):
    html = (site / "404.html").read_text("utf-8")
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html)
    assert assets and all(a.startswith("/post/") for a in assets), assets
    assert 'href="/post/perspective/"' in html and "Page not found" in html


def test_the_config_is_what_the_issue_asks(site):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    theme = config["theme"]
    assert theme["variant"] == "classic" and theme["font"] is False
    assert {"navigation.instant", "navigation.instant.progress", "navigation.footer", "toc.follow", "search.highlight"} <= set(
        theme["features"]
    )
    assert [p["media"] for p in theme["palette"]] == ["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]
    assert config["strict"] is True and set(config["validation"].values()) == {"warn"}
    assert config["site_url"][0] == "SITE_URL"


def test_a_broken_link_in_a_page_fails_the_strict_build(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from support.sites import copy_project

    project = copy_project(tmp_path)
    page = project / "docs" / "reflections.md"
    page.write_text(page.read_text("utf-8") + "\nSee [the missing part](missing.md) and [no anchor](videos.md#nope).\n", "utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out")))
    messages = "\n".join(warnings_of(caplog))
    assert "missing.md" in messages and "#nope" in messages


def test_every_page_links_one_stylesheet_and_defers_its_scripts_in_order(site):
    """What the first paint waits for: one stylesheet (Material's two files and ours, merged in order); no script."""
    material = site / "assets" / "stylesheets"
    parts = [
        *(next(material.glob(f"{name}.*.min.css")).read_text("utf-8").removeprefix('@charset "UTF-8";') for name in ("main", "palette")),
        (site / "assets" / "postkit" / "postkit.css").read_text("utf-8"),
        (site / "assets" / "stylesheets" / "site.css").read_text("utf-8"),
    ]
    for page in [*ALL_PAGES, "404.html"]:
        html = (site / page).read_text("utf-8")
        head = html[: html.index("</head>")]
        (href,) = re.findall(r'<link rel="stylesheet" href="([^"]+)">', head)
        css = (site / urlsplit(urljoin(f"https://example.github.io/post/{page}", href)).path.removeprefix("/post/")).read_text("utf-8")
        positions = [css.find(part.strip()) for part in parts]
        assert -1 not in positions and positions == sorted(positions), f"{page}: {href} holds the four stylesheets in order"
        scripts = re.findall(r"<script\b([^>]*)>", html)
        external = [attributes for attributes in scripts if "src=" in attributes]
        assert [re.search(r'src="[^"]*/([^/"]+)"', a).group(1) for a in external] == ["bundle.a5f9d56c.min.js", "postkit.js"], page
        assert all(a.startswith(" defer src=") for a in external), f"{page}: deferred, so in document order"
