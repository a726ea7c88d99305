"""Adversarial pages for `mkdocs_postkit.video`, shared by the linear-cost test and its benchmark.

Each SHAPE is Markdown text of a chosen size built to hurt a parser: a pattern that
backtracks, a scan that runs to the end of the text, a search repeated per element.
`tests/unit/test_linear_cost.py` counts the work postkit does on each at two sizes ten
times apart (a count, not a time: it does not move with the machine's load);
`benchmarks/hostile_shapes.py` times them at three sizes against Markdown alone.
Past bugs that these shapes reproduce: a heading of 20 KB of spaces took 18 s; 40 KB
of spaces after `![type:video](` took 11 s (Markdown alone 0.02 s); 10,000 videos on
a page spent 40 s in a recursive TOC search; a stack of 25,000 open elements made each
frame copy it (6.7 s at 300 KB).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# `tables` beyond the extensions the brief of these checks named: without it a "table" holding iframes is a paragraph.
BASELINE_EXTENSIONS = ["toc", "attr_list", "admonition", "pymdownx.superfences", "tables", "pymdownx.blocks.admonition"]
POSTKIT_EXTENSIONS = ["mkdocs_postkit.video", *BASELINE_EXTENSIONS]
# The baseline renders `/// video` blocks as pymdownx's own `/// note` blocks with the same number of
# options: pymdownx Blocks itself is super-linear in the number of blocks on a page (it maps the
# whole tree for each one: 300 `/// note` blocks take 0.05 s, 3,000 take 2 s), and that is its cost, not postkit's.
VIDEO_BLOCK_START = re.compile(r"^( {0,3}/{3,} *)video\b", re.MULTILINE)
VIDEO_BLOCK_OPTION = re.compile(r"^( +)(?:title|start|end|aspect|poster):(.*)$", re.MULTILINE)


def baseline_text(text: str) -> str:
    # A valid option of `/// note` (so that the block stays a block), the value kept for YAML to read.
    return VIDEO_BLOCK_OPTION.sub(r"\1attrs: {}  #\2", VIDEO_BLOCK_START.sub(r"\1note", text))


SIZES = (10_000, 100_000, 1_000_000)
LOGGER = "mkdocs.plugins.postkit"
ID = "v-zudK5KnWY"
IFRAME = (
    f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{ID}?si=AbCdEfGhIjKlMnOp" title="YouTube video player" '
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
    "allowfullscreen></iframe>"
)
IMAGE = f"![type:video](https://youtu.be/{ID})"
BLOCK = f"/// video | https://youtu.be/{ID}\n///"
# An iframe in a sentence: not the pasted form, it reaches the HTML postprocessing.
INLINE_IFRAME = f'A sentence with <iframe src="https://www.youtube.com/embed/{ID}" title="Inline"></iframe> inside.'
# Put before the fragments of raw HTML so that every path that looks at iframes runs.
VIDEOS = f"{IFRAME}\n\n{INLINE_IFRAME}\n\n"


@dataclass(frozen=True)
class Shape:
    """An adversarial page: `shape(size)` is Markdown text of about `size` characters."""

    id: str
    make: Callable[[int], str]
    sizes: tuple[int, int, int] = SIZES
    note: str = ""

    def __call__(self, size: int) -> str:
        return self.make(size)


def repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """`head`, then `unit` as many times as fit in `size` characters, then `tail`."""
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def nested_quote(depth: int, body: str) -> str:
    prefix = "> " * depth
    return "".join(f"{prefix}{line}\n" if line else f"{prefix.rstrip()}\n" for line in body.split("\n"))


def nested_list(depth: int, body: str) -> str:
    return "".join(f"{'    ' * level}- Level {level}\n" for level in range(depth)) + f"\n{'    ' * depth}{body}\n\n"


TABLE = "| id | video |\n|----|-------|\n" + f"| {ID} | {INLINE_IFRAME} |\n" * 20 + "\n"
ADMONITION = f'!!! note "Watch"\n\n    {IFRAME}\n\n    {INLINE_IFRAME}\n\n'
CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\n")
FORM = '<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSe/viewform?embedded=true" width="640" height="800" frameborder="0">Loading…</iframe>'
CODE = '<iframe <iframe src="<!-- <script> ![type:video]( /// video |\n'

# For shapes on which Markdown alone spends about 1 s or more per MB, the largest size is 300 KB, so
# that the whole file stays within about 90 s on two cores; and for shapes made of many raw HTML
# blocks, Markdown alone is super-linear at 1 MB (its HTML extractor copies the rest of the text
# after each block), so they stay at 300 KB too (still a 10x step each time).
SMALLER = (3_000, 30_000, 300_000)

SHAPES = [
    # ![type:video]( … the image syntax, broken in every way that makes a pattern backtrack.
    Shape("image-open-spaces", lambda n: repeat(" ", n, "![type:video](", "\n")),
    Shape("image-open-spaces-closed", lambda n: repeat(" ", n, "![type:video](", ")\n")),
    Shape("image-spaces-before-title", lambda n: repeat(" ", n, f"![type:video](https://youtu.be/{ID}", '"\n')),
    # Markdown alone is quadratic in the depth of nested `[` (each scans to its `]`): depth 20, repeated.
    Shape("image-nested-brackets", lambda n: repeat("[(" * 20 + ")]" * 20, n, "![type:video](", "\n"), SMALLER),
    Shape("image-open-parens", lambda n: repeat("(", n, "![type:video](", "\n")),
    Shape("image-nested-parens-closed", lambda n: "![type:video](https://youtu.be/" + "(" * (n // 2) + ")" * (n // 2) + ")\n"),
    Shape("image-huge-title", lambda n: repeat("title ", n, f'![type:video](https://youtu.be/{ID} "', '")\n')),
    # Headings, which give videos their titles. The spaces are leading or trailing, which Markdown strips:
    # a run of spaces *inside* a heading is quadratic in Markdown alone (attr_list tries `[ ]+\{` at each).
    Shape("heading-spaces", lambda n: repeat(" ", n, "## ", f"\n\n{IMAGE}\n")),
    Shape("heading-spaces-then-text", lambda n: repeat(" ", n, "## ", f"x\n\n{IMAGE}\n")),
    Shape("heading-text-then-spaces", lambda n: repeat(" ", n, "## x", f"\n\n{IMAGE}\n")),
    Shape("heading-closing-hashes", lambda n: repeat("# ", n, "## ", f"x\n\n{IMAGE}\n"), SMALLER),
    Shape("hashes-line", lambda n: repeat("#", n, "", f"\n\n{IMAGE}\n")),
    # Distinct heading texts: `toc` numbers equal ones (`x_1`, `x_2`…) in quadratic time itself.
    Shape("headings-each-with-video", lambda n: "".join(f"## Part {i}\n\n{IMAGE}\n\n" for i in range(max(1, n // 60))), SMALLER),
    Shape(
        "setext-headings-each-with-video", lambda n: "".join(f"Part {i}\n------\n\n{IFRAME}\n\n" for i in range(max(1, n // 330))), SMALLER
    ),
    # Raw HTML fragments that a tag, comment or attribute scan may run over to the end of the text.
    # Python 3.11's html.parser, and so Markdown alone, is quadratic in a run of start tags without `>`
    # (each one is scanned to the end of the text): a `>` closes each run of 12.
    Shape("iframe-without-gt", lambda n: repeat("<iframe " * 12 + ">\n", n, VIDEOS)),
    Shape("iframe-lines-without-gt", lambda n: repeat("<iframe\n" * 12 + ">\n", n, VIDEOS)),
    Shape("iframe-unclosed-quote", lambda n: repeat('<iframe src="' * 12 + ">\n", n, VIDEOS)),
    Shape("iframe-unclosed-quote-long", lambda n: repeat("a", n, f'{VIDEOS}<iframe src="https://www.youtube.com/embed/{ID}?', "\n")),
    Shape("iframe-without-end-tag", lambda n: repeat(f'<iframe src="https://www.youtube.com/embed/{ID}">\n', n, VIDEOS)),
    Shape("comments-unclosed", lambda n: repeat("<!-- ", n, VIDEOS, "\n"), SMALLER),
    Shape("comments-empty", lambda n: repeat("<!--> ", n, VIDEOS, "\n")),
    Shape("comments-dash", lambda n: repeat("<!---> ", n, VIDEOS, "\n")),
    Shape("script-unclosed", lambda n: repeat("<script> ", n, VIDEOS, "\n")),
    Shape(
        "attribute-holding-end-tags",
        lambda n: repeat("</iframe>", n, f'{VIDEOS}<iframe src="https://www.youtube.com/embed/{ID}" title="', '"></iframe>\n'),
    ),
    Shape(
        "iframes-attribute-holding-end-tag",
        lambda n: repeat(f'<iframe src="https://www.youtube.com/embed/{ID}" title="</iframe>">\n', n, VIDEOS),
    ),
    # The tokenizer's stack of open elements holding many frames: each frame copied the stack (quadratic
    # until the open elements were counted). Stray end tags under a deep stack were quadratic in the
    # tokenizer too, and are in Python-Markdown's own block parser still, so they make no shape here
    # (Markdown alone: 25 ms at 10 KB, 1.2 s at 100 KB; the tokenizer alone: 9, 92, 320 ms at 10 KB,
    # 100 KB, 300 KB).
    Shape("deep-elements-holding-frames", lambda n: "<div>\n" + "<span>" * (n // 12) + "<embed>" * (n // 14) + "\n</div>\n\n" + VIDEOS),
    # SVG and MathML: a stack of foreign elements, carried from one inline piece to the next (shared, not
    # copied), and breakouts into HTML that close them.
    Shape("svg-nesting-holding-frames", lambda n: repeat("<svg><g><style><foreignObject>", n, "<div>\n", f"{IFRAME}\n</div>\n\n{VIDEOS}")),
    Shape("inline-svg-pieces", lambda n: repeat("<svg><g> ", n, "Text ", f"<b>x</b> {INLINE_IFRAME}\n\n{VIDEOS}"), SMALLER),
    Shape("inline-svg-breakouts", lambda n: repeat("<svg><style> <b>x</b> ", n, "Text ", f"\n\n{VIDEOS}"), SMALLER),
    Shape("less-than-signs", lambda n: repeat("<", n, VIDEOS, "\n"), SMALLER),
    Shape("entity-fragments", lambda n: repeat("&#&&#x&#1&amp", n, VIDEOS, "\n")),
    Shape(
        "entity-fragments-in-title",
        lambda n: repeat("&#&&#x&#1&amp", n, f'{VIDEOS}<iframe src="https://www.youtube.com/embed/{ID}" title="', '"></iframe>\n'),
    ),
    Shape("iframe-huge-title", lambda n: repeat("title ", n, f'<iframe src="https://www.youtube.com/embed/{ID}" title="', '"></iframe>\n')),
    Shape(
        "control-characters",
        lambda n: repeat(
            f'{CONTROL}\n\n{IMAGE[:-1]}{CONTROL})\n\n<iframe src="https://www.youtube.com/embed/{ID}\x00" title="\x07"></iframe>\n\n', n
        ),
        SMALLER,
    ),
    # Code: nothing in it is a video, and nothing in it may cost more than Markdown's own pass over it.
    Shape("fenced-code-with-fragments", lambda n: repeat(f"{CODE}{IFRAME}\n", n, "```html\n", "```\n")),
    # One paragraph per line: Markdown alone is super-linear in the number of code spans of one paragraph.
    Shape(
        "code-spans-with-fragments", lambda n: repeat('`<iframe ` `<iframe src="` `<!--` `![type:video](` `/// video |`\n\n', n), SMALLER
    ),
    # /// video blocks.
    Shape("block-huge-argument", lambda n: repeat("a", n, f"/// video | https://youtu.be/{ID}?", "\n///\n")),
    Shape("block-argument-spaces", lambda n: repeat(" ", n, "/// video |", "x\n///\n")),
    Shape("block-slashes-lines", lambda n: repeat("///\n", n, f"{BLOCK}\n\n"), SMALLER),
    Shape(
        "block-option-long-value", lambda n: repeat("word ", n, f"/// video | https://youtu.be/{ID}\n    title: ", "\n    start: 10\n///\n")
    ),
    Shape("block-option-lines", lambda n: repeat("    title: " + "x" * 60 + "\n", n, f"/// video | https://youtu.be/{ID}\n", "///\n")),
    Shape("block-option-invalid-yaml", lambda n: repeat("a: ", n, f"/// video | https://youtu.be/{ID}\n    title: ", "\n///\n")),
    Shape(
        "block-huge-caption",
        lambda n: repeat(
            "A caption with *emphasis* and [a link](https://example.com/).\n\n", n, f"/// video | https://youtu.be/{ID}\n\n", "///\n"
        ),
        SMALLER,
    ),
    # Many valid videos on one page, all alike (the same anchor wanted by every one).
    Shape("many-iframes", lambda n: repeat(f"{IFRAME}\n\n", n)),
    Shape("many-images", lambda n: repeat(f"{IMAGE}\n\n", n), SMALLER),
    Shape("many-blocks", lambda n: repeat(f"{BLOCK}\n\n", n), SMALLER),
    Shape(
        "many-blocks-with-options",
        lambda n: repeat(
            f"/// video | https://youtu.be/{ID}\n    title: A talk\n    start: 1m30s\n    aspect: 4:3\n\nA caption.\n///\n\n", n
        ),
        SMALLER,
    ),
    Shape("many-inline-iframes", lambda n: repeat(f"{INLINE_IFRAME}\n\n", n), SMALLER),
    # One paragraph of inline start tags with no end tag: each looked for its end tag among all the others once.
    Shape("inline-iframe-starts-without-end", lambda n: repeat(f'<iframe src="https://www.youtube.com/embed/{ID}"> ', n, "Text "), SMALLER),
    # Headings whose slug looks like a video anchor: `toc`'s id for each is worked out in advance.
    Shape("headings-like-video-anchors", lambda n: "".join(f"## Video {i}\n\ntext\n\n" for i in range(max(1, n // 20)))),
    Shape("many-images-in-sentences", lambda n: repeat(f"See {IMAGE} here.\n\n", n), SMALLER),
    # Videos inside containers, many times over.
    Shape("iframes-in-list-items", lambda n: repeat(f"- {IFRAME}\n- {INLINE_IFRAME}\n\n", n), SMALLER),
    Shape("iframes-in-admonitions", lambda n: repeat(ADMONITION, n), SMALLER),
    Shape("iframes-in-tables", lambda n: repeat(TABLE, n), SMALLER),
    # Python-Markdown recurses once per level of nesting (RecursionError near 100 levels for quotes),
    # so the depth is fixed and the nested video repeated; ten levels already nest past any real page.
    Shape("nested-quotes-with-videos", lambda n: repeat(nested_quote(10, f"{IMAGE}\n\n{IFRAME}\n\n{BLOCK}") + "\nPara.\n\n", n), SMALLER),
    Shape("nested-lists-with-videos", lambda n: repeat(nested_list(6, IFRAME) + "Para.\n\n", n), SMALLER),
    # Author mistakes, each one a warning: warnings must stay cheap.
    Shape("many-form-iframes", lambda n: repeat(f"{FORM}\n\n", n), SMALLER),
    Shape("many-invalid-images", lambda n: repeat("![type:video](https://evil.example/x)\n\n", n), SMALLER),
    Shape("many-invalid-blocks", lambda n: repeat("/// video | https://evil.example/x\n    start: -1\n///\n\n", n), SMALLER),
]


class WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        record.getMessage()
        self.count += 1


@contextlib.contextmanager
def quiet_warnings() -> Iterator[WarningCounter]:
    """postkit's warnings counted, not printed nor stored (thousands of them would dominate the time)."""
    logger = logging.getLogger(LOGGER)
    counter = WarningCounter()
    saved = logger.handlers, logger.propagate, logger.level
    logger.handlers, logger.propagate, logger.level = [counter], False, logging.WARNING
    try:
        yield counter
    finally:
        logger.handlers, logger.propagate, logger.level = saved
