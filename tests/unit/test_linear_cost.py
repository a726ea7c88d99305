"""`mkdocs_postkit.video` does work linear in its input, whatever the input.

Each adversarial SHAPE (tests/support/shapes.py) is rendered at its two smaller sizes,
ten times apart (10 KB and 100 KB, or 3 KB and 30 KB for shapes on which Markdown
itself is slow), with a fresh `markdown.Markdown` each time, and the lines of Python
that postkit runs are counted (tests/support/work.py): a count, not a time, so the
test gives the same result on a loaded machine as on a quiet one. Linear work grows
about 10 times per tenfold step (between 4.5 and 11.8 on these shapes: fixed costs
weigh more at the smaller size), quadratic work about 100 times; GROWTH_BOUND
sits between. The larger render is stopped once it has spent that bound, so a
quadratic bug fails in seconds.

Work inside single calls to C (a scan to the end of the text by `str.find` or a
regex) is one line here whatever its length: `benchmarks/hostile_shapes.py` times
every shape at three sizes against Markdown alone, and is the check for that.
"""

from __future__ import annotations

import functools
import sys
import textwrap
from pathlib import Path

import markdown
import pytest

from mkdocs_postkit.anchors import slugify
from support.shapes import POSTKIT_EXTENSIONS, SHAPES, Shape, quiet_warnings
from support.work import WorkCounter, WorkExceeded

GROWTH_BOUND = 15.0  # lines at 10x the size / lines at the size; linear is 10, quadratic 100
FLOOR = 2_000  # lines: below this at the smaller size, fixed costs dominate and growth says nothing yet


def lines_of(text: str, budget: int | None = None) -> int:
    """Lines postkit runs for one `convert` of `text` with a fresh Markdown (WorkExceeded past `budget`)."""
    md = markdown.Markdown(extensions=POSTKIT_EXTENSIONS)
    counter = WorkCounter(budget)
    with quiet_warnings():
        counter.run(lambda: md.convert(text))
    return counter.lines


def growth_problem(shape: Shape) -> str | None:
    """Why `shape` is not linear at its two smaller sizes, or None."""
    small, large = shape.sizes[:2]
    lines_of(shape(small))  # the one-time work (patterns compiled, caches filled) out of the count
    lines = lines_of(shape(small))
    budget = int(GROWTH_BOUND * max(lines, FLOOR))
    try:
        lines_of(shape(large), budget)
    except WorkExceeded:
        return f"{shape.id}: {lines} lines at {small} characters, more than {budget} at {large} (bound {GROWTH_BOUND}x per 10x)"
    return None


def test_shapes_have_unique_ids_and_sizes_ten_times_apart():
    assert len({shape.id for shape in SHAPES}) == len(SHAPES)
    for shape in SHAPES:
        small, medium, large = shape.sizes
        assert medium == 10 * small and large == 10 * medium, shape.id
        lengths = [len(shape(size)) for size in shape.sizes]
        assert all(0.8 * size <= n <= 1.2 * size for n, size in zip(lengths, shape.sizes, strict=True)), (shape.id, lengths)


def test_the_count_is_the_same_every_time():
    text = SHAPES[0](10_000) + "\n\n" + next(s for s in SHAPES if s.id == "many-iframes")(10_000)
    first = lines_of(text)  # may include one-time work: compiled patterns, caches filled
    counts = {lines_of(text) for _ in range(3)}
    assert len(counts) == 1 and FLOOR < counts.pop() <= first


def quadratic(n: int) -> int:
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
    return total


def dedent_here(text: str) -> str:
    return textwrap.dedent(text)


def test_the_counter_counts_the_package_and_what_it_calls_only():
    text = "    a\n    b\n" * 20
    here = str(Path(__file__).resolve())  # this file stands for the package
    counter = WorkCounter(package=here)
    counter.run(functools.partial(textwrap.dedent, text))
    assert counter.lines == 0, "the stdlib, called from outside the package"
    counter.run(functools.partial(dedent_here, text))
    assert counter.lines > 5, "dedent's lines, called from a frame of the package, are counted too"
    counter = WorkCounter()  # the real package
    counter.run(functools.partial(quadratic, 30))
    assert counter.lines == 0, "nothing here runs in mkdocs_postkit"
    counter.run(functools.partial(slugify, "A Title"))
    assert counter.lines > 0


def test_the_counter_sees_quadratic_work_and_stops_it():
    here = str(Path(__file__).resolve())
    small, large = WorkCounter(package=here), WorkCounter(package=here)
    small.run(functools.partial(quadratic, 30))
    large.run(functools.partial(quadratic, 300))
    assert large.lines / small.lines > 50, "quadratic work grows about 100x per 10x"
    with pytest.raises(WorkExceeded):
        WorkCounter(budget=int(GROWTH_BOUND * small.lines), package=here).run(functools.partial(quadratic, 300))
    assert sys.gettrace() is None, "the tracer is gone after the budget is spent"


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.id for shape in SHAPES])
def test_work_is_linear(shape):
    assert growth_problem(shape) is None
