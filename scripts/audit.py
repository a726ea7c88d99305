"""Lighthouse on every page of the site, mobile and desktop, on loopback only.

Usage: .venv/bin/python scripts/audit.py [--runs 5] [--form-factor mobile|desktop|both]
                                        [--throttling simulate|devtools|both] [--json FILE]
                                        [--cpu-slowdown default|calibrated|N] [--floor]

Builds the site (strict, with site_url at the port it is served on), serves it on
127.0.0.1 as GitHub Pages would (gzip, max-age=600), runs the pinned Lighthouse
(tests/audit, `npm ci --prefix tests/audit`) in Debian's Chromium (CHROME_PATH,
default /usr/bin/chromium), and prints a Markdown table of the four category
scores per page: performance as the minimum and the median of the runs, with the
median first paint (FCP), largest paint (LCP), blocking time (TBT) and layout shift
(CLS); the other three categories the worst run. A round runs every page once per
throttling method (simulate: Lighthouse's model of slow 4G and a slow CPU, applied to
an unthrottled load; devtools: the load really throttled), so that the methods
alternate and share the machine's load. Then the audits that failed, per page. Exits
1 unless accessibility, best practices and SEO are 100 everywhere.

`--cpu-slowdown calibrated` replaces Lighthouse's constant 4x CPU slowdown (meant for a
high-end desktop host) by the one its docs/throttling.md prescribes for this host: the
median benchmark index of three first runs, through the formula of Lighthouse's
calculator (`support.audit.calibrated_slowdown`).

`--floor` adds two one-page sites to every round, each holding a heading and one sentence:
one built with this site's mkdocs.yml (theme folder, postkit, deferred scripts, merged
stylesheet), one with stock Material (the same features and palette, nothing of ours).
What they score is what Material's own start-up costs on this host, with no article at all
(their accessibility, best practices and SEO do not count towards the exit status).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import yaml  # noqa: E402  (PyYAML, which MkDocs installs)
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from support.audit import (  # noqa: E402
    CATEGORIES,
    METRICS,
    THROTTLING,
    Report,
    calibrated_slowdown,
    lighthouse,
    median_report,
    pages_server,
    site_pages,
)
from support.server import free_port  # noqa: E402
from support.sites import build_project  # noqa: E402

SHORT = {"performance": "Perf", "accessibility": "A11y", "best-practices": "Best practices", "seo": "SEO"}


FLOOR_PAGE = "# A heading\n\nOne sentence of text, and nothing else on the page.\n"
FLOOR_SETUP = "floor: one sentence, this site's setup"
FLOOR_STOCK = "floor: one sentence, stock Material"


def floor_sites(tmp: Path, ports: dict[str, int]) -> dict[str, Path]:
    """The two one-page sites of `--floor`, built under `tmp`, keyed by their label."""
    (tmp / "docs").mkdir(parents=True)
    (tmp / "docs" / "index.md").write_text(FLOOR_PAGE, encoding="utf-8")
    setup = build_project(
        tmp / "setup", site_url=f"http://127.0.0.1:{ports[FLOOR_SETUP]}/", docs_dir=str(tmp / "docs"), nav=[{"A heading": "index.md"}]
    )
    ours = load_config(str(ROOT / "mkdocs.yml"))
    stock = {
        "site_name": "Floor",
        "site_url": f"http://127.0.0.1:{ports[FLOOR_STOCK]}/",
        "docs_dir": str(tmp / "docs"),
        "site_dir": str(tmp / "stock"),
        "theme": {"name": "material", "font": False, "features": ours.theme["features"], "palette": ours.theme["palette"]},
        "plugins": ["search"],
    }
    (tmp / "stock.yml").write_text(yaml.safe_dump(stock), encoding="utf-8")
    build(load_config(str(tmp / "stock.yml"), strict=True))
    return {FLOOR_SETUP: setup, FLOOR_STOCK: tmp / "stock"}


def audit(
    runs: int, form_factors: list[str], methods: list[str], cpu_slowdown: str = "default", floor: bool = False
) -> list[tuple[str, str, Report]]:
    """(throttling method, page label, median report) for every page, form factor and method."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="audit-site-") as tmp, contextlib.ExitStack() as servers:
        site = build_project(Path(tmp) / "site", site_url=f"http://127.0.0.1:{port}/")
        url = servers.enter_context(pages_server(site, port))
        labels = {url + page: "/" + page for page in site_pages(site)}
        if floor:
            ports = {FLOOR_SETUP: free_port(), FLOOR_STOCK: free_port()}
            for label, folder in floor_sites(Path(tmp) / "floor", ports).items():
                labels[servers.enter_context(pages_server(folder, ports[label]))] = label
        urls = list(labels)
        slowdown = None if cpu_slowdown in ("default", "calibrated") else float(cpu_slowdown)
        if cpu_slowdown == "calibrated":
            first = lighthouse(urls[:1] * 3, "mobile", categories=("performance",))
            index = statistics.median(r.benchmark_index for r in first)
            slowdown = round(calibrated_slowdown(index), 2)
            print(f"benchmark index {index:.0f}: CPU slowdown {slowdown}x (Lighthouse's default: 4x)", file=sys.stderr)
        reports = []
        for form_factor in form_factors:
            started = time.monotonic()
            rounds: dict[str, list[list[Report]]] = {method: [] for method in methods}
            for _ in range(runs):  # a round is every page once per method
                for method in methods:
                    rounds[method].append(
                        lighthouse(urls, form_factor, throttling=method, cpu_slowdown=slowdown if form_factor == "mobile" else None)
                    )
            print(f"{form_factor}: {runs} run(s) of {len(urls)} pages in {time.monotonic() - started:.0f} s", file=sys.stderr)
            for i, page in enumerate(urls):
                reports += [(method, labels[page], median_report([r[i] for r in rounds[method]])) for method in methods]
    return reports


def table(reports: list[tuple[str, str, Report]], runs: int) -> str:
    metrics = " | ".join(METRICS.values())
    lines = [
        f"| Page | Form factor | Throttling | Perf min | Perf median | {metrics} | A11y | Best practices | SEO |",
        "|---|---|---|---:|---:|" + "---:|" * len(METRICS) + "---:|---:|---:|",
    ]
    for method, label, r in reports:
        values = [f"{r.metrics[m]:.2f}" if m == "cumulative-layout-shift" else f"{r.metrics[m] / 1000:.2f} s" for m in METRICS]
        scores = [str(r.scores[c]) for c in CATEGORIES[1:]]
        perf = [str(min(r.runs)), str(r.scores["performance"])]
        lines.append(f"| {label} | {r.form_factor} | {method} | " + " | ".join(perf + values + scores) + " |")
    lines.append(f"\nPerformance: minimum and median of {runs} run(s); metrics: the median; other categories: the worst run.")
    hosts = sorted({(round(r.benchmark_index), r.cpu_slowdown) for _, _, r in reports})
    lines.append("Host benchmark index (median per page) and CPU slowdown: " + ", ".join(f"{i} at {s:g}x" for i, s in hosts))
    return "\n".join(lines)


def failures(reports: list[tuple[str, str, Report]]) -> str:
    """Each failing audit once, with the pages (and values) it failed on; then the audits that could not run."""
    failed: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    errored: dict[str, set[str]] = {}
    for method, label, r in reports:
        where = f"{label} {r.form_factor} {method}"
        for audit_id, title in r.failing.items():
            name, _, value = title.partition(" (")
            titles[audit_id] = name
            failed.setdefault(audit_id, []).append(f"{where}{' ' + value.rstrip(')') if value else ''}")
        for audit_id, (category, why) in r.errors.items():
            errored.setdefault(f"{audit_id} [{category}]: {why}", set()).add(where)
    lines = [f"- {audit_id} ({titles[audit_id]}): " + "; ".join(pages) for audit_id, pages in sorted(failed.items())] or ["- none"]
    if errored:
        lines += ["", "Audits Lighthouse could not run (no score, counted in no category score):"]
        lines += [f"- {what} (on {len(pages)} page runs)" for what, pages in sorted(errored.items())]
    warnings = sorted({w for _, _, r in reports for w in r.warnings})
    lines += [f"! warning: {w}" for w in warnings]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page, form factor and throttling (default 5)")
    parser.add_argument("--form-factor", choices=("mobile", "desktop", "both"), default="both")
    parser.add_argument("--throttling", choices=(*THROTTLING, "both"), default="both")
    parser.add_argument("--json", type=Path, help="also write the reports to this file")
    parser.add_argument(
        "--cpu-slowdown",
        default="default",
        help="mobile only: default (Lighthouse's 4x), calibrated (to this host's benchmark index), or a number",
    )
    parser.add_argument("--floor", action="store_true", help="also audit one sentence on a page: this site's setup, and stock Material")
    args = parser.parse_args(argv)
    form_factors = ["mobile", "desktop"] if args.form_factor == "both" else [args.form_factor]
    methods = list(THROTTLING) if args.throttling == "both" else [args.throttling]
    if args.cpu_slowdown not in ("default", "calibrated"):
        try:
            float(args.cpu_slowdown)
        except ValueError:
            parser.error(f"--cpu-slowdown: default, calibrated or a number, not {args.cpu_slowdown!r}")
    reports = audit(max(1, args.runs), form_factors, methods, args.cpu_slowdown, args.floor)
    print(table(reports, args.runs))
    print()
    print("Failing audits, in any run (for performance: every metric and opportunity below a perfect score):")
    print(failures(reports))
    if args.json:
        args.json.write_text(
            json.dumps([{"throttling": m, "page": label, **r.__dict__} for m, label, r in reports], indent=2), encoding="utf-8"
        )
    # The floor's pages are Material's alone: their other categories are not this site's to keep at 100.
    bad = [
        r
        for _, label, r in reports
        if label not in (FLOOR_SETUP, FLOOR_STOCK) and any(r.scores[c] < 100 for c in ("accessibility", "best-practices", "seo"))
    ]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
