"""Markdown in, HTML out: every input form of `mkdocs_postkit.video`, against golden files.

Each `golden/NAME.md` renders to `golden/NAME.html`; the warnings it must log
are in `golden/NAME.warnings` (absent: none). A NAME ending in `_frames_link`
is rendered with the option `frames: link` (no other site's frame on the page). To accept a deliberate change of
output, run with `POSTKIT_UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest

from mkdocs_postkit.video import VideoExtension

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))
EXTENSIONS = ["mkdocs_postkit.video", "toc", "attr_list", "pymdownx.superfences"]


def render(text: str, **config) -> str:
    extensions = [*EXTENSIONS[1:], VideoExtension(**config)]
    return markdown.Markdown(extensions=extensions).convert(text) + "\n"


@pytest.mark.parametrize("name", CASES)
def test_golden(name, caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.plugins.postkit")
    html = render((GOLDEN / f"{name}.md").read_text("utf-8"), **({"frames": "link"} if name.endswith("_frames_link") else {}))
    warnings = "".join(f"{r.getMessage()}\n" for r in caplog.records)
    expected_html, expected_warnings = GOLDEN / f"{name}.html", GOLDEN / f"{name}.warnings"
    if os.environ.get("POSTKIT_UPDATE_GOLDEN"):
        expected_html.write_text(html, "utf-8")
        if warnings:
            expected_warnings.write_text(warnings, "utf-8")
        else:
            expected_warnings.unlink(missing_ok=True)
    assert html == expected_html.read_text("utf-8")
    assert warnings == (expected_warnings.read_text("utf-8") if expected_warnings.exists() else "")


def test_every_bad_case_warns_and_every_good_case_does_not():
    for name in CASES:
        assert (GOLDEN / f"{name}.warnings").exists() == name.startswith("bad_"), name


def test_bad_input_never_leaves_an_iframe_or_script_url():
    for name in CASES:
        if name.startswith("bad_"):
            html = (GOLDEN / f"{name}.html").read_text("utf-8")
            assert "<iframe" not in html and "javascript:" not in html.replace("<code>javascript:", ""), name
            assert " onload=" not in html, name


def test_the_extension_is_reusable_across_documents():
    md = markdown.Markdown(extensions=EXTENSIONS)
    first = md.convert("## A\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n")
    md.reset()
    second = md.convert("## A\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n")
    assert first == second and 'id="video-a"' in second


def test_a_block_with_a_stray_option_line_is_still_one_video():
    html = render("/// video | https://youtu.be/v-zudK5KnWY\n    title: One\n///\n\n/// video | https://youtu.be/SBV5VTQrlDs\n///\n")
    assert html.count("<figure") == 2
    assert 'data-title="One"' in html


def test_a_warning_names_its_own_line_after_valid_embeds_of_the_same_syntax(caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.plugins.postkit")
    source = "/// video | https://youtu.be/v-zudK5KnWY\n///\n\ntext\n\n/// video\n///\n\n![type:video](https://youtu.be/SBV5VTQrlDs)\n\n![type:video]()\n"
    render(source)
    lines = [record.getMessage().split(":")[1].strip() for record in caplog.records]
    assert lines == ["line 6", "line 11"], [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize("options", ["title: [a, b]", "title: {a: 1}", "title: &t [x]\n    end: *t"])
def test_a_refused_block_with_a_list_for_its_title_falls_back_to_the_heading(options, caplog):
    caplog.set_level(logging.WARNING, logger="mkdocs.plugins.postkit")
    html = render(f"## Key lessons\n\n/// video | https://youtu.be/v-zudK5KnWY\n    {options}\n///\n")
    assert 'href="https://youtu.be/v-zudK5KnWY">Key lessons</a>' in html
    assert "[" not in html and "{" not in html, "no Python repr on the page"
    assert any("must be a single value" in r.getMessage() for r in caplog.records)
