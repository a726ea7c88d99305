"""CPU time of `mkdocs_postkit.video` on adversarial pages, against Markdown alone on the same text.

The shapes and extensions are those of tests/support/shapes.py, which
tests/unit/test_linear_cost.py also renders (it counts postkit's lines of work at
two sizes; this times every shape at three sizes a factor of 10 apart, with a
fresh `markdown.Markdown` with and without `mkdocs_postkit.video`, and so also sees
work inside calls to C, which a count of lines cannot). "ratio" is with / without
at that size; "growth" is postkit's growth from the previous size divided by
Markdown's own growth (1 is linear, 10 quadratic). A shape FAILs when its growth
exceeds 3, or its ratio at the largest size exceeds 5 (shown, never an exit status:
the benchmark's smoke test checks the table's shape only).
A run that had already broken a bound is stopped at its limit and shown as
`>limit`; the larger sizes of that shape are then skipped (`--no-stop` runs them
all, which may take hours on quadratic code). Only ratios of CPU times measured in
this one run are compared.

    .venv/bin/python benchmarks/hostile_shapes.py                    # every shape, three sizes each
    .venv/bin/python benchmarks/hostile_shapes.py --quick            # the two smaller sizes only
    .venv/bin/python benchmarks/hostile_shapes.py --shapes heading-spaces many-images
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import math
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown
from _common import machine, markdown_table

from support.shapes import BASELINE_EXTENSIONS, POSTKIT_EXTENSIONS, SHAPES, VIDEO_BLOCK_START, Shape, baseline_text, quiet_warnings

REPEATS = (3, 2, 1)  # best of, per size: the small sizes are the noisy ones
GROWTH_BOUND = 3.0  # per 10x step, relative to Markdown's own growth; quadratic is 10
OVERHEAD_BOUND = 5.0  # t_with / t_without at the largest size
BASELINE_GROWTH_BOUND = 3.0  # Markdown's own growth per 10x step, relative to 10x
FIRST_SIZE_LIMIT = 2.0  # CPU seconds: more than this for ~10 KB is no linear cost worth measuring further
# CPU time of this thread, where all of Markdown's work happens. Not `time.process_time`: while a
# process CPU timer is armed (`cpu_limit`'s ITIMER_PROF), Linux serves CLOCK_PROCESS_CPUTIME_ID from a
# sample updated once per scheduler tick, so a 3 ms render reads as 0 to 2 ms; the thread clock stays exact.
CLOCK = time.thread_time


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the two smaller sizes of each shape")
    parser.add_argument("--shapes", nargs="+", metavar="ID", help="only these shapes")
    parser.add_argument("--no-stop", action="store_true", help="never stop a slow run (quadratic shapes may take hours)")
    args = parser.parse_args()
    shapes = [shape for shape in SHAPES if not args.shapes or shape.id in args.shapes]
    unknown = set(args.shapes or ()) - {shape.id for shape in shapes}
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}; known: {', '.join(shape.id for shape in SHAPES)}")

    print(machine())
    print(f"without postkit: {', '.join(BASELINE_EXTENSIONS)}; with postkit: {', '.join(POSTKIT_EXTENSIONS)}")
    print(f"bounds: growth <= {GROWTH_BOUND} per 10x step, ratio <= {OVERHEAD_BOUND} at the largest size\n")
    rows, failing = [], []
    started = time.perf_counter()
    for shape in shapes:
        timings = measure(shape, sizes=shape.sizes[:2] if args.quick else None, stop_early=not args.no_stop)
        found = problems(timings, overhead=True)
        if found:
            failing.append(shape.id)
        for i, row in enumerate(timings.rows):
            more = ">" if row.stopped else ""
            growth = f"{more}{timings.growth(timings.rows[i - 1], row):.2f}" if i else ""
            rows.append(
                [
                    shape.id,
                    row.size,
                    f"{row.without * 1000:.1f}",
                    f"{more}{row.seconds * 1000:.1f}",
                    f"{more}{row.seconds / row.without:.2f}",
                    growth,
                    "FAIL" if found and i == len(timings.rows) - 1 else "",
                ]
            )
        print(f"  {shape.id}: {'FAIL' if found else 'ok'}", file=sys.stderr, flush=True)
    print(markdown_table(["shape", "size", "ms without postkit", "ms with postkit", "ratio", "growth", "check"], rows))
    print(f"\n{len(failing)} of {len(shapes)} shapes break a bound: {', '.join(failing) or 'none'}")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
