"""CPU time of `mkdocs_postkit.video` on adversarial pages, against Markdown alone on the same text.

The shapes, sizes, extensions and measurements are those of
tests/unit/test_linear_cost.py (imported from there, so the table shows exactly
what the test asserts on): every shape at three sizes a factor of 10 apart,
rendered with a fresh `markdown.Markdown` with and without `mkdocs_postkit.video`.
"ratio" is with / without at that size; "growth" is postkit's growth from the
previous size divided by Markdown's own growth (1 is linear, 10 quadratic); the
test fails a shape whose growth exceeds 3, or whose ratio at the largest size
exceeds 5. A run that had already broken a bound is stopped at its limit and
shown as `>limit`; the larger sizes of that shape are then skipped
(`--no-stop` runs them all, which may take hours on quadratic code).

    .venv/bin/python benchmarks/hostile_shapes.py                    # every shape, three sizes each
    .venv/bin/python benchmarks/hostile_shapes.py --quick            # the two smaller sizes only
    .venv/bin/python benchmarks/hostile_shapes.py --shapes heading-spaces many-images
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import machine, markdown_table
from unit.test_linear_cost import BASELINE_EXTENSIONS, GROWTH_BOUND, OVERHEAD_BOUND, POSTKIT_EXTENSIONS, SHAPES, measure, problems


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
