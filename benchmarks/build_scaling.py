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
"""

from __future__ import annotations

import argparse
import json
import random
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
    extensions = [e for e in project["markdown_extensions"] if e != "postkit.video"]
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
            extra = by[(pages, variant)]["wall"] - plain["wall"]
            overhead.append(
                (
                    pages,
                    variant,
                    f"{1000 * extra:+.0f}",
                    f"{1000 * extra / pages:+.2f}",
                    f"{100 * (by[(pages, variant)]['ratio_wall'] - 1):+.1f}%",
                )
            )
    return "\n\n".join(
        [
            f"Build time, median of {repeats} alternating run(s) per variant ({machine()}):",
            markdown_table(header, rows),
            "Added to the plain build (differences of medians; a linear cost keeps ms/page constant):",
            markdown_table(("pages", "variant", "added ms", "added ms/page", "added %"), overhead),
        ]
    )


def profile(pages: int, workdir: Path) -> str:
    """Where the postkit build spends its time: cProfile of one in-process build, postkit's functions."""
    import cProfile
    import logging
    import pstats

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = write_site(workdir / "profile", pages, POSTKIT)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    build(load_config(str(config_file), site_dir=str(workdir / "profile-site")))
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_calls, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/postkit/" in filename:
            rows.append((f"{Path(filename).parent.name}/{Path(filename).name}:{line} {name}", ncalls, tottime, cumtime))
    rows.sort(key=lambda r: -r[3])
    hooks = [r for r in rows if any(h in r[0] for h in (" on_", " run", " on_create", " on_end"))]
    own = sum(r[2] for r in rows)
    table = markdown_table(
        ("postkit function", "calls", "own s", "cumulative s", "cumulative % of build"),
        [(name, calls, f"{tot:.3f}", f"{cum:.3f}", f"{100 * cum / total:.2f}%") for name, calls, tot, cum in rows[:15]],
    )
    entry = sum(r[3] for r in hooks if " on_" in r[0] and "plugin.py" in r[0]) + sum(r[3] for r in hooks if "extension.py" in r[0])
    return (
        f"cProfile of one postkit build of {pages} pages: {total:.2f} s under the profiler; "
        f"postkit's own functions {own:.3f} s ({100 * own / total:.2f}%), its hooks and processors "
        f"{entry:.3f} s cumulative ({100 * entry / total:.2f}%; nested calls may count twice).\n\n{table}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10 pages, one repetition: checks that the benchmark runs")
    parser.add_argument("--profile", type=int, metavar="PAGES", help="profile one postkit build of PAGES pages instead")
    parser.add_argument("--build-once", nargs=2, metavar=("CONFIG", "SITE_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_once:
        print(json.dumps(build_once(*args.build_once)))
        return
    with tempfile.TemporaryDirectory(prefix="postkit-scaling-") as tmp:
        if args.profile:
            print(profile(args.profile, Path(tmp)))
            return
        sizes, repeats = ([10], 1) if args.quick else (args.sizes, args.repeats)
        print(report(measure(sizes, repeats, Path(tmp)), repeats))


if __name__ == "__main__":
    main()
