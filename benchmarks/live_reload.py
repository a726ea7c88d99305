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
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from _common import POSTKIT, PYTHON, VARIANTS, free_port, machine, markdown_table, median, project_variant

PAGE, PATH = "videos.md", "videos/"


def get(url: str, timeout: float = 30) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def wait_for(what: str, condition, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"mkdocs serve exited while waiting for {what}:\n{log.read_text('utf-8')[-3000:]}")
        if condition():
            return
        time.sleep(0.01)
    raise SystemExit(f"no {what} within {timeout} s:\n{log.read_text('utf-8')[-3000:]}")


def watching(page: Path, url: str, process: subprocess.Popen, log: Path) -> None:
    """Return once the server reacts to edits of `page`.

    Its file watcher takes a first snapshot in a thread of its own, possibly after
    the server answers; an edit saved before that snapshot is never seen. So an
    HTML comment is added, again every 2 s, until the served page shows it.
    """
    original = page.read_text("utf-8")
    for attempt in range(15):
        probe = f"<!-- watching {attempt} -->"
        page.write_text(f"{original}\n{probe}\n", "utf-8")
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if probe in (get(url, timeout=10) or ""):
                return
            time.sleep(0.05)
    raise SystemExit(f"the server never showed an edit of {page.name}:\n{log.read_text('utf-8')[-3000:]}")


def measure(variant: str, edits: int, workdir: Path) -> dict:
    port = free_port()
    config = project_variant(workdir / variant.split()[0], variant, f"http://127.0.0.1:{port}/")
    project, log = config.parent, config.parent / "serve.log"
    command = [PYTHON, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/{PATH}"
    latencies = []
    jitter = random.Random(edits)
    try:
        wait_for("first page", lambda: get(url, timeout=5) is not None, process, log, timeout=60)
        page = project / "docs" / PAGE
        watching(page, url, process, log)
        original = page.read_text("utf-8")
        for n in range(1, edits + 1):
            # Let the previous reload settle, as between two saves; the jitter spreads the saves over
            # the watcher's 0.5 s polling cycle instead of hitting the same phase of it every time.
            time.sleep(1.0 + jitter.random() * 0.5)
            marker = f"Live-reload edit number {n} of {edits}."
            page.write_text(f"{original}\n{marker}\n", "utf-8")
            start = time.perf_counter()
            wait_for(f"edit {n}", lambda m=marker: m in (get(url) or ""), process, log, timeout=60)
            latencies.append(time.perf_counter() - start)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {"variant": variant, "latencies": latencies, "builds": warm_builds(config, project / "timed-site", edits)}


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
