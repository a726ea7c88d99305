"""Build time of synthetic sites with 10, 100 and 1,000 pages of two videos each.

Three builds of the same pages are compared: with postkit, with the pasted
iframes and no plugin (the baseline), and with mkdocs-video 1.5.0's
`![type:video](URL)`. Every build runs in a fresh Python process (so that no
variant inherits another's warm caches or garbage), and the process times only
`load_config` + `build` with `time.perf_counter` (wall) and
`time.process_time` (CPU), leaving out interpreter start-up, which is the same
for all and would only dilute the differences. Variants alternate within each
repetition, in rotating order, and the table gives medians; "vs plain" is the
median of the per-repetition ratios, so slow drifts of the machine cancel out.

    .venv/bin/python benchmarks/build_scaling.py             # 10, 100, 1000 pages, 5 repetitions
    .venv/bin/python benchmarks/build_scaling.py --quick     # 10 pages, 1 repetition (the smoke test)
    .venv/bin/python benchmarks/build_scaling.py --profile 1000   # where postkit's time goes (cProfile)
    .venv/bin/python benchmarks/build_scaling.py --instructions --sizes 10 100   # instruction counts (valgrind)

Wall and CPU time depend on what else the machine is doing. `--instructions`
counts the instructions each build executes instead (valgrind's callgrind, with
the interpreter's start-up included): the same count on every run, whatever the
load, at the price of running about 50 times slower.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from _common import MKDOCS_VIDEO, PASTED_IFRAME, PLAIN, POSTKIT, PYTHON, VARIANTS, load_project_config, machine, markdown_table, median

PAGES_PER_SECTION = 50
WORDS = ["model", "data", "training", "protein", "cell", "assay", "token", "scale", "compute", "batch", "loss", "lesson"]


def video_id(page: int, n: int) -> str:
    return f"{page:08d}{n}xY"[-11:].replace("0", "a")


def page_markdown(number: int, total: int, embed: str) -> str:
    """One page: a title, prose, two sections that each hold one video, and a link onwards."""
    rng = random.Random(number)

    def prose(words: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."

    lines = [f"# Page {number}", "", prose(80), ""]
    for n in (1, 2):
        vid = video_id(number, n)
        video = PASTED_IFRAME.format(id=vid) if embed == "iframe" else f"![type:video](https://www.youtube.com/embed/{vid})"
        lines += [f"## Talk {n} of page {number}", video, "", prose(120), ""]
    if number + 1 < total:
        lines += ["## Next", "", f"Continue with [page {number + 1}]({page_path(number + 1, relative_to=number)}).", ""]
    return "\n".join(lines)


def page_path(number: int, relative_to: int | None = None) -> str:
    section = f"section-{number // PAGES_PER_SECTION:02d}"
    name = f"page-{number:04d}.md"
    if relative_to is not None and relative_to // PAGES_PER_SECTION == number // PAGES_PER_SECTION:
        return name
    return f"../{section}/{name}" if relative_to is not None else f"{section}/{name}"


def write_site(root: Path, pages: int, variant: str) -> Path:
    """A synthetic site under `root`, configured as `variant`; returns its mkdocs.yml."""
    embed = "image" if variant == MKDOCS_VIDEO else "iframe"
    for number in range(pages):
        path = root / "docs" / page_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_markdown(number, pages, embed), "utf-8")
    (root / "docs" / "index.md").write_text("# Synthetic site\n\nStart with [page 0](section-00/page-0000.md).\n", "utf-8")
    project = load_project_config()
    theme = {k: v for k, v in project["theme"].items() if k != "custom_dir"}  # Material as the project sets it up
    extensions = [e for e in project["markdown_extensions"] if e != "mkdocs_postkit.video"]
    plugins = ["search"] + {POSTKIT: ["postkit"], PLAIN: [], MKDOCS_VIDEO: ["mkdocs-video"]}[variant]
    config = {
        "site_name": f"Synthetic {pages} pages",
        "site_url": "http://127.0.0.1:8000/",
        "theme": theme,
        "markdown_extensions": extensions,
        "plugins": plugins,
        "strict": True,  # a warning would mean the variants do not build the same site
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return root / "mkdocs.yml"


def build_once(config_file: str, site_dir: str) -> dict[str, float]:
    """Runs in the child process: one timed build."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    wall, cpu = time.perf_counter(), time.process_time()
    build(load_config(config_file, site_dir=site_dir))
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def timed_build(config_file: Path, site_dir: Path) -> dict[str, float]:
    done = subprocess.run(
        [PYTHON, __file__, "--build-once", str(config_file), str(site_dir)], capture_output=True, text=True, timeout=1800, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {config_file} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(sizes: list[int], repeats: int, workdir: Path) -> list[dict]:
    results = []
    for pages in sizes:
        configs = {v: write_site(workdir / f"{pages}-{i}", pages, v) for i, v in enumerate(VARIANTS)}
        runs: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
        if repeats > 1:  # one discarded round: file caches, .pyc files
            for variant in VARIANTS:
                timed_build(configs[variant], workdir / "site")
        for rep in range(repeats):
            order = VARIANTS[rep % 3 :] + VARIANTS[: rep % 3]
            for variant in order:
                runs[variant].append(timed_build(configs[variant], workdir / "site"))
                print(f"  {pages} pages, {variant}, run {rep + 1}: {runs[variant][-1]['wall']:.2f} s", file=sys.stderr)
        for variant in VARIANTS:
            wall = [r["wall"] for r in runs[variant]]
            cpu = [r["cpu"] for r in runs[variant]]
            results.append(
                {
                    "pages": pages,
                    "variant": variant,
                    "wall": median(wall),
                    "min": min(wall),
                    "max": max(wall),
                    "cpu": median(cpu),
                    "ratio_wall": median(r["wall"] / p["wall"] for r, p in zip(runs[variant], runs[PLAIN], strict=True)),
                    "ratio_cpu": median(r["cpu"] / p["cpu"] for r, p in zip(runs[variant], runs[PLAIN], strict=True)),
                }
            )
    return results


def count_instructions(config_file: Path, site_dir: Path) -> int:
    """Instructions executed by one build in a fresh process, counted by callgrind."""
    out = site_dir.parent / f"{site_dir.name}.callgrind"
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        PYTHON,
        __file__,
        "--build-once",
        str(config_file),
        str(site_dir),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=6 * 3600, check=False)
    collected = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or collected is None:
        raise SystemExit(f"callgrind run of {config_file} failed:\n{done.stderr[-3000:]}")
    out.unlink(missing_ok=True)
    return int(collected[1])


def instructions(sizes: list[int], workdir: Path) -> str:
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    from concurrent.futures import ThreadPoolExecutor

    jobs = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # counts do not depend on the load
        for pages in sizes:
            for i, variant in enumerate(VARIANTS):
                config = write_site(workdir / f"{pages}-{i}", pages, variant)
                jobs[(pages, variant)] = pool.submit(count_instructions, config, workdir / f"site-{pages}-{i}")
    counts = {key: job.result() for key, job in jobs.items()}
    rows = []
    for pages in sizes:
        plain = counts[(pages, PLAIN)]
        for variant in VARIANTS:
            n = counts[(pages, variant)]
            rows.append((pages, variant, f"{n / 1e9:.3f}", f"{n / plain:.3f}", f"{(n - plain) / pages / 1e6:+.2f}"))
    header = ("pages", "variant", "G instructions", "vs plain", "added M instructions/page")
    return f"Instructions per build, start-up included (callgrind; {machine()}):\n\n{markdown_table(header, rows)}"


def report(results: list[dict], repeats: int) -> str:
    rows = [
        (
            r["pages"],
            r["variant"],
            f"{r['wall']:.2f}",
            f"{r['min']:.2f}–{r['max']:.2f}",
            f"{r['cpu']:.2f}",
            f"{1000 * r['wall'] / r['pages']:.1f}",
            f"{r['ratio_wall']:.3f}",
            f"{r['ratio_cpu']:.3f}",
        )
        for r in results
    ]
    header = ("pages", "variant", "median s", "range s", "CPU s", "ms/page", "vs plain", "CPU vs plain")
    overhead = []
    by = {(r["pages"], r["variant"]): r for r in results}
    for pages in sorted({r["pages"] for r in results}):
        plain = by[(pages, PLAIN)]
        for variant in (POSTKIT, MKDOCS_VIDEO):
            r = by[(pages, variant)]
            extra = r["cpu"] - plain["cpu"]
            overhead.append(
                (
                    pages,
                    variant,
                    f"{1000 * extra:+.0f}",
                    f"{1000 * extra / pages:+.2f}",
                    f"{100 * (r['ratio_cpu'] - 1):+.1f}%",
                    f"{100 * (r['ratio_wall'] - 1):+.1f}%",
                )
            )
    return "\n\n".join(
        [
            f"Build time, median of {repeats} alternating run(s) per variant ({machine()}):",
            markdown_table(header, rows),
            "Added to the plain build: CPU ms are differences of medians (a linear cost keeps ms/page constant); "
            "% are medians of the per-repetition ratios, CPU and wall:",
            markdown_table(("pages", "variant", "added CPU ms", "added CPU ms/page", "added % CPU", "added % wall"), overhead),
        ]
    )


# postkit's entry points (module, owner, name); time spent in each is measured with nested calls included.
PROFILED = [
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_page_markdown"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_page_content"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "_videos_list"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_page_context"),
    ("mkdocs_postkit.pages", None, "read_page"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_config"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_files"),
    ("mkdocs_postkit.engines.mkdocs", "PostkitPlugin", "on_nav"),
    ("mkdocs_postkit.engines.mkdocs", None, "_front_matter_lines"),
    ("mkdocs_postkit.navigation", None, "reading_minutes"),
    ("mkdocs_postkit.video.extension", "SourceLines", "run"),
    ("mkdocs_postkit.video.extension", "VideoBlock", "on_create"),
    ("mkdocs_postkit.video.embeds", "EmbedTreeprocessor", "run"),
    ("mkdocs_postkit.video.toc", "VideoToc", "run"),
    ("mkdocs_postkit.video.extension", "VideoExtension", "extendMarkdown"),
]


def profile(pages: int, workdir: Path) -> str:
    """CPU time inside each of postkit's entry points during one in-process build, and the All videos page.

    Wrapping a handful of functions costs far less than a profiler that traces
    every call (cProfile inflates Python-heavy code two- to threefold), so the
    shares are those of a normal build.
    """
    import collections
    import functools
    import importlib
    import logging

    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()

    def timed(function, label):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start
                calls[label] += 1

        return wrapper

    for module_name, owner_name, name in PROFILED:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        setattr(owner, name, timed(getattr(owner, name), f"{owner_name or module_name.split('.')[-1]}.{name}"))
    navigation = importlib.import_module("mkdocs_postkit.navigation")
    plugin = importlib.import_module("mkdocs_postkit.engines.mkdocs")
    plugin.navigation = navigation  # the plugin calls navigation.* through the module: the wrappers apply

    for name in ("_populate_page", "_build_page"):  # MkDocs' own work on the generated page
        original = getattr(mkdocs_build, name)

        def per_page(page, *args, _original=original, _name=name, **kwargs):
            if page.file.src_uri != "all-videos.md":
                return _original(page, *args, **kwargs)
            return timed(_original, f"MkDocs {_name.strip('_')} of all-videos.md")(page, *args, **kwargs)

        setattr(mkdocs_build, name, per_page)

    config_file = write_site(workdir / "profile", pages, POSTKIT)
    start = time.process_time()
    mkdocs_build.build(load_config(str(config_file), site_dir=str(workdir / "profile-site")))
    total = time.process_time() - start
    rows = [(label, calls[label], f"{1000 * spent[label]:.1f}", f"{100 * spent[label] / total:.2f}%") for label, _ in spent.most_common()]
    table = markdown_table(("function (nested calls included)", "calls", "CPU ms", "% of build"), rows)
    return f"CPU time inside postkit during one build of {pages} pages ({total:.2f} s CPU in all; {machine()}):\n\n{table}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10 pages, one repetition: checks that the benchmark runs")
    parser.add_argument("--profile", type=int, metavar="PAGES", help="profile one postkit build of PAGES pages instead")
    parser.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead of timing")
    parser.add_argument("--build-once", nargs=2, metavar=("CONFIG", "SITE_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_once:
        print(json.dumps(build_once(*args.build_once)))
        return
    with tempfile.TemporaryDirectory(prefix="postkit-scaling-") as tmp:
        if args.profile:
            print(profile(args.profile, Path(tmp)))
            return
        if args.instructions:
            print(instructions([10] if args.quick else args.sizes, Path(tmp)))
            return
        sizes, repeats = ([10], 1) if args.quick else (args.sizes, args.repeats)
        print(report(measure(sizes, repeats, Path(tmp)), repeats))


if __name__ == "__main__":
    main()
