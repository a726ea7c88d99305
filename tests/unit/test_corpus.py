"""Hostile inputs (tests/corpus/hostile_embeds.yaml): a warning where the author must act, and safe HTML always.

Every case is rendered through Python-Markdown directly (fast, and what Zensical
runs), and all of them again as pages of one real MkDocs build; a few are built
with `strict=True` to show that the warning fails the build.
"""

from __future__ import annotations

import logging
import re
from html import unescape
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.exceptions import Abort

from support.sites import build_site, main_content, warnings_of

CORPUS = Path(__file__).parents[1] / "corpus" / "hostile_embeds.yaml"
CASES = yaml.safe_load(CORPUS.read_text("utf-8"))
REPEAT = re.compile(r"\{\{(\d+)\*(.*?)\}\}", re.DOTALL)

# What postkit and Python-Markdown write for these inputs, and nothing else.
TAGS = {"p", "a", "span", "code", "figure", "figcaption", "img", "video", "source", "div", "ul", "li", "blockquote", "h1", "h2"}
ATTRIBUTES = {"class", "id", "href", "src", "alt", "loading", "decoding", "poster", "type", "controls", "preload", "style"}
ATTRIBUTES |= {"data-title", "data-embed", "aria-label", "aria-hidden", "title"}
URL_ATTRIBUTES = {"href", "src", "poster", "data-embed"}
# A tag as an escaping writer produces it: no raw quote or angle bracket inside a value.
TAG = re.compile(r'<(?P<end>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*/?>')
ATTRIBUTE = re.compile(r'\s+(?P<name>[^\s=]+)(?:="(?P<value>[^"]*)")?')
STYLE = re.compile(r"aspect-ratio: \d+(?:\.\d+)? / \d+(?:\.\d+)?")
SCRIPT_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript):", re.IGNORECASE)


def brief(messages: list[str]) -> list[str]:
    """Messages cut short, so that a failing huge case does not flood the report."""
    return [m[:300] for m in messages[:3]]


def markdown_of(case: dict) -> str:
    return REPEAT.sub(lambda m: m[2] * int(m[1]), case["markdown"])


def assert_safe(html: str, allowed_tags: set[str] = TAGS, allowed_attributes: set[str] = ATTRIBUTES) -> None:
    """No iframe, no script address, no handler, and every `<` and `"` of the input escaped."""
    assert "<iframe" not in html.lower(), "an iframe reached the page"
    for start in (m.start() for m in re.finditer("<", html)):
        tag = TAG.match(html, start)
        assert tag, f"unescaped '<' or a broken attribute at {html[start : start + 120]!r}"
        assert tag["name"].lower() in allowed_tags, f"unexpected element <{tag['name']}>"
        for attribute in ATTRIBUTE.finditer(tag["attrs"]):
            name, value = attribute["name"].lower(), unescape(attribute["value"] or "")
            assert not name.startswith("on"), f"event handler {name}= on <{tag['name']}>"
            assert name in allowed_attributes, f"unexpected attribute {name}= on <{tag['name']}>"
            if name in URL_ATTRIBUTES:
                assert not SCRIPT_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)), f"{name}={value[:80]!r}"
            if name == "data-embed":
                assert value.startswith(("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")), value[:80]
            if name == "style":
                assert STYLE.fullmatch(value), value[:80]


def render(text: str) -> str:
    return markdown.Markdown(extensions=["postkit.video"]).convert(text)


def test_the_corpus_is_large_and_covers_the_three_syntaxes():
    warned = [c for c in CASES if c["warning"]]
    assert len(warned) >= 30
    assert {c["syntax"] for c in warned} >= {"iframe", "image", "block"}
    assert min(sum(c["syntax"] == s for c in warned) for s in ("iframe", "image", "block")) >= 8
    assert len({c["id"] for c in CASES}) == len(CASES), "ids are unique"
    for case in CASES:
        assert case["warning"] or case.get("shows") or not case["markdown"], f"{case['id']}: an accepted case says what it shows"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_warns_and_renders_safely(case, caplog):
    caplog.set_level(logging.WARNING)
    html = render(markdown_of(case))
    warnings = warnings_of(caplog)
    assert all(r.name.startswith("mkdocs.") for r in caplog.records if r.levelno >= logging.WARNING), (
        "strict mode only counts mkdocs.* loggers"
    )
    if case["warning"] is None:
        assert warnings == []
        assert case.get("shows", "") in html
    else:
        assert len(warnings) == case.get("count", 1), brief(warnings)
        for message in warnings:
            assert case["warning"] in message, brief([message])
            assert message.startswith("postkit: ") and message.endswith("."), brief([message])
            assert len(message) < 600, f"a huge input keeps the warning readable: {brief([message])}"
    assert_safe(html)


def test_assert_safe_catches_what_it_must():
    """The checker itself: each of these must be refused."""
    for bad in (
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" &#106;avascript:alert(1)">x</a>',
        '<img src="data:image/png;base64,AA">',
        '<a href="x" onclick="alert(1)">x</a>',
        '<span title="a"b">x</span>',
        "<p>a <script>alert(1)</script></p>",
        '<a class="postkit-video__facade" data-embed="https://evil.example/">x</a>',
        '<a style="background:url(javascript:x)">x</a>',
        "<p>1 < 2</p>",
    ):
        with pytest.raises(AssertionError):
            assert_safe(bad)
    assert_safe('<figure class="postkit-video" data-title="&quot;&lt;b&gt;" id="video-b"><a href="https://youtu.be/x">x</a></figure>')


def test_every_case_in_one_mkdocs_build(tmp_path, caplog):
    """The same cases as pages of a real site: each page gets its warnings, with its name, and safe HTML."""
    caplog.set_level(logging.WARNING)
    files = {f"{case['id']}.md": f"# {case['id']}\n\n{markdown_of(case)}\n" for case in CASES}
    site = build_site(tmp_path, files, strict=False)
    warnings = warnings_of(caplog)
    for case in CASES:
        mine = [w for w in warnings if w.startswith(f"postkit: {case['id']}.md")]
        if case["warning"] is None:
            assert mine == [], case["id"]
        else:
            assert len(mine) == case.get("count", 1), (case["id"], brief(mine))
            assert all(case["warning"] in w for w in mine), (case["id"], brief(mine))
        article = main_content((site / case["id"] / "index.html").read_text("utf-8"))
        # Material wraps the page: its headings carry permalinks, postkit adds the part line.
        assert_safe(article, TAGS | {"article", "h1"}, ATTRIBUTES)
    others = [w for w in warnings if not any(w.startswith(f"postkit: {c['id']}.md") for c in CASES)]
    assert others == [], f"no warning without the page it is about: {brief(others)}"


@pytest.mark.parametrize(
    "case_id", ["iframe-javascript-src", "image-lookalike-host", "block-poster-javascript", "iframe-inside-a-paragraph"]
)
def test_strict_build_fails_on_the_warning(tmp_path, case_id):
    case = next(c for c in CASES if c["id"] == case_id)
    with pytest.raises(Abort):
        build_site(tmp_path, {"index.md": f"# Case\n\n{markdown_of(case)}\n"}, strict=True)


def test_a_bad_embed_does_not_unlink_the_next_video_from_its_heading(tmp_path, caplog):
    """The video under the next heading is still reached through that heading (and listed once in the TOC)."""
    caplog.set_level(logging.WARNING)
    page = """
        # Talks

        ## Broken talk
        <iframe src="javascript:alert(1)" title="YouTube video player"></iframe>

        ## Good talk
        <iframe src="https://www.youtube.com/embed/v-zudK5KnWY" title="YouTube video player"></iframe>
        """
    site = build_site(tmp_path, {"index.md": page}, config="validation:\n  anchors: warn\n")
    assert [w[:60] for w in warnings_of(caplog)] == ["postkit: index.md:4: 'javascript:' addresses cannot be embed"]
    index = (site / "all-videos" / "index.html").read_text("utf-8")
    assert 'href="../#good-talk"' in index
    assert (site / "index.html").read_text("utf-8").count('href="#good-talk"') == 2  # the TOC entry and the heading's permalink
