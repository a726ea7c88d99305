"""Hostile inputs (tests/corpus/hostile_embeds.yaml): a warning where the author must act, and safe HTML always.

Every case is rendered through Python-Markdown directly (fast, and what Zensical
runs), with the extensions a Material site uses, so that each syntax is tried in
every container; then all of them again as pages of one real MkDocs build, where
the whole page is checked (TOC, sidebar, scripts, search index), not only the article.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.exceptions import Abort

from mkdocs_postkit.video import VideoExtension
from support.safety import FRAGMENT_TAGS, assert_safe_fragment, assert_safe_page, read
from support.sites import build_site, main_content, warnings_of

CORPUS = Path(__file__).parents[1] / "corpus" / "hostile_embeds.yaml"
CASES = yaml.safe_load(CORPUS.read_text("utf-8"))
REPEAT = re.compile(r"\{\{(\d+)\*(.*?)\}\}", re.DOTALL)
EXTENSIONS = [
    "toc",
    "attr_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "pymdownx.emoji",
]
CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}
MKDOCS_EXTENSIONS = "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in EXTENSIONS if name != "pymdownx.emoji")
MKDOCS_EXTENSIONS += (
    "  - pymdownx.tabbed:\n      alternate_style: true\n  - mkdocs_postkit.video:\n      frames: link\nplugins: [search, postkit]\n"
)
SENTINEL = "Sentinel paragraph, after the case."


def brief(messages: list[str]) -> list[str]:
    """Messages cut short, so that a failing huge case does not flood the report."""
    return [m[:300] for m in messages[:3]]


def markdown_of(case: dict) -> str:
    return REPEAT.sub(lambda m: m[2] * int(m[1]), case["markdown"])


def render(text: str, frames: str = "link") -> str:
    extensions = [*EXTENSIONS, "pymdownx.tabbed", VideoExtension(frames=frames)]
    return markdown.Markdown(extensions=extensions, extension_configs=CONFIGS).convert(text)


def figures(html: str) -> int:
    return sum(1 for tag, name in re.findall(r'<(figure) (class)="postkit-video[ "]', html))


def test_the_corpus_is_large_and_covers_every_class():
    warned = [c for c in CASES if c["warning"]]
    assert len(CASES) >= 120 and len(warned) >= 50
    assert {c["syntax"] for c in CASES} >= {"iframe", "image", "block", "none"}
    assert min(sum(c["syntax"] == s for c in warned) for s in ("iframe", "image", "block")) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES), "ids are unique"
    classes = {c.get("class") for c in CASES}
    assert classes >= {"injection", "parsing", "cost", "container", "not-a-video", "real-embeds", "transparency"}, classes
    for case in CASES:
        assert case["warning"] or "shows" in case or "figures" in case or not case["markdown"], (
            f"{case['id']}: an accepted case says what it shows"
        )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_warns_and_renders_safely(case, caplog):
    caplog.set_level(logging.WARNING)
    frames = case.get("frames", "link")
    html = render(markdown_of(case), frames)
    warnings = warnings_of(caplog)
    assert all(r.name.startswith("mkdocs.") for r in caplog.records if r.levelno >= logging.WARNING), (
        "strict mode only counts mkdocs.* loggers"
    )
    if case["warning"] is None:
        assert warnings == [], brief(warnings)
    else:
        assert len(warnings) == case.get("count", 1), brief(warnings)
        for message in warnings:
            assert case["warning"] in message, brief([message])
            assert message.startswith("postkit: ") and message.endswith("."), brief([message])
            assert len(message) < 700, f"a huge input keeps the warning readable: {brief([message])}"
        if "line" in case:
            assert warnings[0].startswith(f"postkit: line {case['line']}: "), brief(warnings)
    if "shows" in case:
        assert case["shows"] in html, html[:2000]
    if "figures" in case:
        assert figures(html) == case["figures"], html[:3000]
    assert_safe_fragment(html, frames_allowed=frames == "keep", allowed=frozenset(case.get("allow", [])))


def test_the_checker_catches_what_it_must():
    """The checker itself: each of these must be refused."""
    for bad in (
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" &#106;avascript:alert(1)">x</a>',
        '<a href="java&#9;script:alert(1)">x</a>',
        '<img src="data:image/png;base64,AA">',
        '<a href="x" onclick="alert(1)">x</a>',
        '<span title="a"b">x</span>',
        "<p>a <script>alert(1)</script></p>",
        '<a class="postkit-video__facade" data-embed="https://evil.example/">x</a>',
        '<a style="background:url(javascript:x)">x</a>',
        "<p>1 < 2</p>",
        "<svg><circle></circle></svg>",
    ):
        with pytest.raises(AssertionError):
            assert_safe_fragment(bad)
    assert_safe_fragment(
        '<figure class="postkit-video" data-title="&quot;&lt;b&gt;" id="video-b"><a href="https://youtu.be/x">x</a></figure>'
    )


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """Every case linked-frames mode can build as a page of one real site, plus a page without any case."""
    cases = [c for c in CASES if c.get("frames", "link") == "link" and c.get("site", True)]
    tmp_path = tmp_path_factory.mktemp("corpus")
    files = {f"{case['id']}.md": f"# {case['id']}\n\n{markdown_of(case)}\n\n{SENTINEL}\n" for case in cases}
    files["baseline.md"] = f"# baseline\n\n## A section\n\nA paragraph.\n\n{SENTINEL}\n"
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        site = build_site(tmp_path, files, config=MKDOCS_EXTENSIONS, strict=False)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return cases, site, [r.getMessage() for r in records]


def test_every_case_in_one_mkdocs_build_names_its_page(corpus_site):
    cases, _, warnings = corpus_site
    for case in cases:
        mine = [w for w in warnings if w.startswith(f"postkit: {case['id']}.md")]
        if case["warning"] is None:
            assert mine == [], (case["id"], brief(mine))
        else:
            assert len(mine) == case.get("count", 1), (case["id"], brief(mine))
            assert all(case["warning"] in w for w in mine), (case["id"], brief(mine))
            if "line" in case:  # the page has two lines above the case (its heading)
                assert mine[0].startswith(f"postkit: {case['id']}.md:{case['line'] + 2}: "), (case["id"], brief(mine))
    others = [w for w in warnings if not any(w.startswith(f"postkit: {c['id']}.md") for c in cases)]
    assert others == [], f"no warning without the page it is about: {brief(others)}"


def test_every_case_leaves_the_whole_page_safe(corpus_site):
    cases, site, _ = corpus_site
    baseline = (site / "baseline" / "index.html").read_text("utf-8")
    failures = []
    for case in cases:
        page = (site / case["id"] / "index.html").read_text("utf-8")
        try:
            allowed = frozenset(case.get("allow", []))
            assert_safe_page(page, baseline, allowed_tags=FRAGMENT_TAGS | allowed, allowed=allowed)
            if not case.get("swallows"):
                article = read(main_content(page))
                assert article.texts.count(SENTINEL) == 1, "the sentinel paragraph after the case survives as itself"
        except AssertionError as error:
            failures.append(f"{case['id']}: {str(error)[:300]}")
    assert not failures, failures[:10]


def test_the_search_index_holds_text_only(corpus_site):
    cases, site, _ = corpus_site
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    ids = {case["id"] for case in cases}
    checked = 0
    for doc in index["docs"]:
        if doc["location"].split("/")[0] not in ids:
            continue
        checked += 1
        for key in ("title", "text"):
            report = read(doc[key])
            assert not report.problems, (doc["location"], report.problems[:3])
            assert not report.scripts and not report.frames, doc["location"]
            assert report.tags <= {"code", "strong", "em", "b", "i", "p", "li", "ul", "ol", "pre", "a", "span", "sup"}, (
                doc["location"],
                report.tags,
            )
    assert checked >= len(cases)


@pytest.mark.parametrize(
    "case_id",
    ["iframe-javascript-src", "image-lookalike-host", "block-poster-javascript", "iframe-inside-a-paragraph", "block-yaml-alias-bomb"],
)
def test_strict_build_fails_on_the_warning(tmp_path, case_id):
    case = next(c for c in CASES if c["id"] == case_id)
    with pytest.raises(Abort):
        build_site(tmp_path, {"index.md": f"# Case\n\n{markdown_of(case)}\n"}, config=MKDOCS_EXTENSIONS, strict=True)


def test_a_bad_embed_does_not_unlink_the_next_video_from_its_heading(tmp_path, caplog):
    """The video under the next heading is still reached through that heading (and listed once in the TOC)."""
    caplog.set_level(logging.WARNING)
    page = """
        # Talks

        ## Broken talk
        ![type:video](javascript:alert(1))

        ## Good talk
        <iframe src="https://www.youtube.com/embed/v-zudK5KnWY" title="YouTube video player"></iframe>
        """
    site = build_site(tmp_path, {"index.md": page}, config="validation:\n  anchors: warn\n")
    assert [w[:60] for w in warnings_of(caplog)] == ["postkit: index.md:4: 'javascript:' addresses cannot be embed"]
    index = (site / "all-videos" / "index.html").read_text("utf-8")
    assert 'href="../#good-talk"' in index
    assert (site / "index.html").read_text("utf-8").count('href="#good-talk"') == 2  # the TOC entry and the heading's permalink
