"""`mkdocs_postkit.video` costs time linear in its input, whatever the input.

Each SHAPE is an adversarial page, built at three sizes a factor of 10 apart
(about 10 KB, 100 KB and 1 MB). Every size is rendered twice, each time with a
fresh `markdown.Markdown`: with `mkdocs_postkit.video` and with the same extensions
but without it (the baseline: Python-Markdown's own cost on the same text).
Only CPU time (see CLOCK) of `convert` is measured, best of a few
repeats at the smaller sizes, and no absolute time is ever asserted, only ratios:

- growth: `(t_with(10x) / t_with(x)) / max(1, t_without(10x) / t_without(x))`
  must stay below GROWTH_BOUND. Linear code gives about 1 (postkit grows as
  Markdown does), quadratic code about 10, so a bound of 3 tolerates the noise
  of a shared machine and still catches any super-linear step;
- overhead: `t_with / t_without` at the largest size is reported against
  OVERHEAD_BOUND by `benchmarks/hostile_shapes.py` (a constant factor is a
  benchmark's figure, not a test's: on a loaded machine it drifts by 20 %, and a
  test that compares it flakes; growth, a ratio of ratios, does not drift so);
- the baseline itself must be linear (a shape on which Python-Markdown alone is
  super-linear says nothing about postkit; such shapes were changed, see the
  notes beside them).

A run that is already bound to fail is stopped early (a CPU-time alarm), so
that a quadratic bug costs seconds, not hours; its time is then shown as a lower
bound (`>`). Past bugs that these shapes reproduce: a heading of 20 KB of
spaces took 18 s; 40 KB of spaces after `![type:video](` took 11 s (Markdown
alone 0.02 s); 10,000 videos on a page spent 40 s in a recursive TOC search.

`benchmarks/hostile_shapes.py` prints the same measurements as a table.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown
import pytest

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
REPEATS = (3, 2, 1)  # best of, per size: the small sizes are the noisy ones
GROWTH_BOUND = 3.0  # per 10x step, relative to Markdown's own growth; quadratic is 10
OVERHEAD_BOUND = 5.0  # t_with / t_without at the largest size
BASELINE_GROWTH_BOUND = 3.0  # Markdown's own growth per 10x step, relative to 10x
FIRST_SIZE_LIMIT = 2.0  # CPU seconds: more than this for ~10 KB is no linear cost worth measuring further
LOGGER = "mkdocs.plugins.postkit"
# CPU time of this thread, where all of Markdown's work happens. Not `time.process_time`: while a
# process CPU timer is armed (`cpu_limit`'s ITIMER_PROF), Linux serves CLOCK_PROCESS_CPUTIME_ID from a
# sample updated once per scheduler tick, so a 3 ms render reads as 0 to 2 ms; the thread clock stays exact.
CLOCK = time.thread_time

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


class TooSlow(BaseException):
    """Raised by the CPU-time alarm; a BaseException so that no `except Exception` swallows it."""


@contextlib.contextmanager
def cpu_limit(seconds: float | None) -> Iterator[None]:
    """Raise TooSlow once the process has used `seconds` more CPU time (main thread only)."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGPROF, alarm)
    # Repeats, in case some code catches the first one with a bare `except`.
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 0.001), 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        record.getMessage()
        self.count += 1


@contextlib.contextmanager
def quiet_warnings() -> Iterator[Counter]:
    """postkit's warnings counted, not printed nor stored (thousands of them would dominate the time)."""
    logger = logging.getLogger(LOGGER)
    counter = Counter()
    saved = logger.handlers, logger.propagate, logger.level
    logger.handlers, logger.propagate, logger.level = [counter], False, logging.WARNING
    try:
        yield counter
    finally:
        logger.handlers, logger.propagate, logger.level = saved


def convert_time(extensions: list[str], text: str, limit: float | None = None) -> float:
    """CPU seconds of one `convert` with a fresh Markdown; math.inf if stopped by the limit."""
    md = markdown.Markdown(extensions=extensions)
    gc.collect()
    start = CLOCK()
    try:
        with cpu_limit(limit):
            md.convert(text)
    except TooSlow:
        return math.inf
    return CLOCK() - start


@dataclass
class Row:
    size: int  # characters of the text
    without: float  # CPU s, Markdown alone
    with_: float  # CPU s, with postkit; math.inf if stopped
    limit: float | None = None  # where the run with postkit would have been stopped
    warnings: int = 0

    @property
    def stopped(self) -> bool:
        return math.isinf(self.with_)

    @property
    def seconds(self) -> float:
        """The time with postkit, or its lower bound if the run was stopped."""
        return self.limit if self.stopped and self.limit else self.with_


@dataclass
class Timings:
    shape: Shape
    sizes: tuple[int, ...]
    rows: list[Row]

    def growth(self, a: Row, b: Row) -> float:
        """postkit's growth from `a` to `b`, relative to Markdown's own (a lower bound if `b` was stopped)."""
        return (b.seconds / a.with_) / max(1.0, b.without / a.without)

    def baseline_growth(self, a: Row, b: Row) -> float:
        """Markdown's own growth from `a` to `b`, relative to the growth of the text (1 = linear)."""
        return (b.without / a.without) / (b.size / a.size)

    def table(self) -> str:
        lines = [f"shape {self.shape.id}:", "   size  ms without    ms with    ratio  growth  md growth  warnings"]
        for i, row in enumerate(self.rows):
            more = ">" if row.stopped else ""
            growth = md_growth = ""
            if i:
                previous = self.rows[i - 1]
                md_growth = f"{self.baseline_growth(previous, row):.2f}"
                growth = f"{more}{self.growth(previous, row):.2f}"
            warnings = "" if row.stopped else row.warnings
            lines.append(
                f"{row.size:>7}  {row.without * 1000:>10.1f}  {more + format(row.seconds * 1000, '.1f'):>9}  "
                f"{more + format(row.seconds / row.without, '.2f'):>7}  {growth:>6}  {md_growth:>9}  {warnings:>8}"
            )
        if self.rows[-1].stopped:
            lines.append("> : stopped at this CPU time, when a bound was already broken")
        lines.append(
            f"bounds: growth <= {GROWTH_BOUND} per 10x, md growth <= {BASELINE_GROWTH_BOUND}, ratio <= {OVERHEAD_BOUND} at the largest size"
        )
        return "\n".join(lines)


def best(runs: int, measure: Callable[[], float]) -> float:
    result = math.inf
    for _ in range(runs):
        result = min(result, measure())
        if math.isinf(result):
            break  # stopped: already too slow
    return result


def measure(shape: Shape, sizes: tuple[int, ...] | None = None, repeats: tuple[int, ...] = REPEATS, stop_early: bool = True) -> Timings:
    """Both renderings of `shape` at its sizes (or the first of `sizes`), smallest first.

    With `stop_early`, a run with postkit is stopped once it is certain to break a
    bound (and the larger sizes are skipped), so that a quadratic bug costs seconds.
    """
    sizes = shape.sizes if sizes is None else sizes
    rows: list[Row] = []
    # The host's own objects (pytest's are many) out of the collector's way: every full collection
    # during a render would otherwise walk them too, and the timings would depend on the host.
    gc.collect()
    gc.freeze()
    with contextlib.ExitStack() as stack:
        stack.callback(gc.unfreeze)
        counter = stack.enter_context(quiet_warnings())
        for index, (size, runs) in enumerate(zip(sizes, repeats[: len(sizes)], strict=True)):
            text = shape(size)
            baseline = baseline_text(text)
            without = best(runs, lambda baseline=baseline: convert_time(BASELINE_EXTENSIONS, baseline))
            limit = None
            if stop_early:
                if index == 0:
                    limit = max(FIRST_SIZE_LIMIT, OVERHEAD_BOUND * 20 * without)
                else:
                    previous = rows[-1]
                    limit = GROWTH_BOUND * max(1.0, without / previous.without) * previous.with_
                    limit *= 1.05  # stopped only when the bound is broken for sure
            counter.count = 0
            with_ = best(runs, lambda text=text, limit=limit: convert_time(POSTKIT_EXTENSIONS, text, limit))
            rows.append(Row(len(text), without, with_, limit, counter.count // runs if not math.isinf(with_) else counter.count))
            if math.isinf(with_):
                break
    return Timings(shape, sizes, rows)


def problems(timings: Timings, overhead: bool = False) -> list[str]:
    """What breaks a bound, in words; empty if the shape costs linear time.

    `overhead`: also the constant factor at the largest size (the benchmark's check)."""
    found = []
    rows = timings.rows
    blocks = VIDEO_BLOCK_START.search(timings.shape(timings.sizes[0])) is not None
    for a, b in itertools.pairwise(rows):
        if timings.baseline_growth(a, b) > BASELINE_GROWTH_BOUND and not blocks:  # pymdownx Blocks: see baseline_text
            found.append(f"Markdown alone grows super-linearly from {a.size} to {b.size} characters: fix the shape, not postkit")
    if rows[0].stopped:
        found.append(f"postkit used more than {rows[0].limit:.1f} s of CPU for {rows[0].size} characters")
    for a, b in itertools.pairwise(rows):
        # A stopped run took at least its limit: judged on that lower bound.
        if timings.growth(a, b) > GROWTH_BOUND:
            found.append(f"postkit grows super-linearly from {a.size} to {b.size} characters (growth bound {GROWTH_BOUND})")
    last = rows[-1]
    if overhead and len(rows) == len(timings.sizes) and last.seconds / last.without > OVERHEAD_BOUND:
        found.append(f"postkit costs more than {OVERHEAD_BOUND}x Markdown alone at {last.size} characters")
    return found


def test_shapes_have_unique_ids_and_sizes_ten_times_apart():
    assert len({shape.id for shape in SHAPES}) == len(SHAPES)
    for shape in SHAPES:
        small, medium, large = shape.sizes
        assert medium == 10 * small and large == 10 * medium, shape.id
        lengths = [len(shape(size)) for size in shape.sizes]
        assert all(0.8 * size <= n <= 1.2 * size for n, size in zip(lengths, shape.sizes, strict=True)), (shape.id, lengths)


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.id for shape in SHAPES])
def test_cost_is_linear(shape):
    timings = measure(shape)
    found = problems(timings)
    assert not found, "\n".join([*found, timings.table()])
