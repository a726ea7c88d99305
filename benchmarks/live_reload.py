"""Time from saving a Markdown file to `mkdocs serve --livereload` serving the new page.

A real `mkdocs serve --livereload` runs on a free loopback port in a temporary
copy of the project (one per variant: postkit, plain iframes, mkdocs-video).
Each edit appends a new sentence to docs/videos.md; the clock starts when the
file is written and stops when an HTTP GET of /videos/ returns a page with that
sentence (polled every 10 ms; during a rebuild the server holds the request
until the new site is ready). For comparison, the same site is also built in
this process, warm, as the server rebuilds it (its log cannot tell: MkDocs drops
a log line that repeats the previous one); the rest is MkDocs noticing the
change (it polls the disk every 0.5 s, then waits 0.1 s for more changes) and
answering.

    .venv/bin/python benchmarks/live_reload.py            # 3 variants, 10 edits each
    .venv/bin/python benchmarks/live_reload.py --quick    # postkit, 2 edits (the smoke test)
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from _common import POSTKIT, VARIANTS, machine, markdown_table, median, project_variant

from support.serve import MkdocsServe

PAGE, PATH = "videos.md", "videos/"


def measure(variant: str, edits: int, workdir: Path) -> dict:
    project = workdir / variant.split()[0]
    server = MkdocsServe(project)
    project_variant(project, variant, server.url)
    page = project / "docs" / PAGE
    latencies = []
    jitter = random.Random(edits)
    with server as serve:
        serve.wait_until_watching(page, PATH)
        original = page.read_text("utf-8")
        for n in range(1, edits + 1):
            # Let the previous reload settle, as between two saves; the jitter spreads the saves over
            # the watcher's 0.5 s polling cycle instead of hitting the same phase of it every time.
            time.sleep(1.0 + jitter.random() * 0.5)
            marker = f"Live-reload edit number {n} of {edits}."
            page.write_text(f"{original}\n{marker}\n", "utf-8")
            latencies.append(serve.wait_for(PATH, marker, timeout=60, poll=0.01))
    return {"variant": variant, "latencies": latencies, "builds": warm_builds(project / "mkdocs.yml", project / "timed-site", edits)}


def warm_builds(config_file: Path, site_dir: Path, count: int) -> list[float]:
    """Seconds per build of the same site in one process, after a first build (as `mkdocs serve` rebuilds)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    times = []
    for _ in range(count + 1):
        start = time.perf_counter()
        build(load_config(str(config_file), site_dir=str(site_dir)))
        times.append(time.perf_counter() - start)
    return times[1:]


def report(results: list[dict]) -> str:
    rows = []
    for r in results:
        total, build = median(r["latencies"]), median(r["builds"])
        rows.append(
            (
                r["variant"],
                len(r["latencies"]),
                f"{total:.2f}",
                f"{min(r['latencies']):.2f}–{max(r['latencies']):.2f}",
                f"{build:.2f}",
                f"{total - build:.2f}",
            )
        )
    header = ("variant", "edits", "median s", "range s", "build s", "detect + serve s")
    return "\n\n".join(
        [
            f"Save to served page with `mkdocs serve --livereload`, the project's 5 pages + All videos ({machine()}):",
            markdown_table(header, rows),
            "build: the same site built warm in one process (median); detect + serve: the rest, mostly MkDocs' 0.5 s disk polling.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="postkit only, 2 edits: checks that the benchmark runs")
    args = parser.parse_args()
    variants, edits = ([POSTKIT], 2) if args.quick else (list(VARIANTS), args.edits)
    with tempfile.TemporaryDirectory(prefix="postkit-live-reload-") as tmp:
        results = [measure(variant, edits, Path(tmp)) for variant in variants]
    print(report(results))


if __name__ == "__main__":
    sys.exit(main())
