"""Page-quality tools shared by the browser audits and `scripts/audit.py`.

The npm tools (Lighthouse, html-validate) are pinned in tests/audit/package.json
and installed by `npm ci --prefix tests/audit` (scripts/test.sh does it).
A missing tool raises `ToolMissingError`, so a test fails with the command to run
instead of being skipped.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from support.browser import ARGS, CHROMIUM
from support.server import StaticServer, _Handler

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "tests" / "audit"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Debian's Chromium as root, headless, with nothing to talk to but the page on loopback.
CHROME_FLAGS = (
    "--headless=new",
    *ARGS,
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--no-default-browser-check",
)


class ToolMissingError(RuntimeError):
    pass


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a path from its root ("" for the home page), 404.html excluded."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def npm_tool(name: str) -> Path:
    """The path of a pinned npm tool, or ToolMissingError with the command that installs it."""
    path = AUDIT / "node_modules" / ".bin" / name
    if shutil.which("node") is None:
        raise ToolMissingError(f"{name} needs Node.js (20.19 or newer) on PATH; none was found")
    if not path.exists():
        raise ToolMissingError(f"{name} is not installed: run `npm ci --prefix tests/audit` (scripts/test.sh does)")
    return path


def chromium() -> str:
    path = os.environ.get("CHROME_PATH", CHROMIUM)
    if not os.path.exists(path):
        raise ToolMissingError(
            f"Chromium is not installed at {path}; run scripts/test.sh (it installs Debian's chromium) or set CHROME_PATH"
        )
    return path


# --- A loopback server that answers as GitHub Pages does --------------------------------------

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _PagesHandler(_Handler):
    """Like GitHub Pages: gzip for text when asked for it, and `Cache-Control: max-age=600`.

    Lighthouse's performance score on a server that sends 140 KB of CSS uncompressed
    says more about the server than about the site.
    """

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # a folder without its slash: the base class redirects
            path = path / "index.html"
        if path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def pages_server(directory: Path, port: int) -> StaticServer:
    """`with pages_server(site_dir, port) as url:` serves the folder as GitHub Pages would."""
    return StaticServer(directory, port, _PagesHandler)


# --- Lighthouse -------------------------------------------------------------------------------


@dataclass
class Report:
    """One Lighthouse run of one page: category scores (0-100) and the audits that failed."""

    url: str
    form_factor: str
    scores: dict[str, int]
    failing: dict[str, str] = field(default_factory=dict)  # audit id -> title (display value)
    errors: dict[str, tuple[str, str]] = field(default_factory=dict)  # audit id -> (category, why it could not run)
    warnings: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # METRICS id -> numeric value (ms, or unitless for CLS)
    runs: list[int] = field(default_factory=list)  # performance of each run, for a report of several runs
    benchmark_index: float = 0.0  # Lighthouse's measure of the host's CPU (environment.benchmarkIndex)
    cpu_slowdown: float = 4.0  # the CPU slowdown multiplier the run used


METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}
THROTTLING = ("simulate", "devtools")


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that emulates Lighthouse's mobile target on a host of this `benchmark_index`.

    Lighthouse's constant 4x assumes a high-end desktop host (index 1,500-2,000); its
    docs/throttling.md says to calibrate on another, with the formula of its calculator
    (lighthouse-cpu-throttling-calculator): 800 is 2x, 1,300 is 3x, 1,533 is 4x, 2,000 is 6x.
    """
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def lighthouse(
    urls: list[str],
    form_factor: str = "mobile",
    categories: tuple[str, ...] = CATEGORIES,
    timeout: float = 600,
    throttling: str = "simulate",
    cpu_slowdown: float | None = None,
) -> list[Report]:
    """Run the pinned Lighthouse once on each URL, in one headless Chromium (tests/audit/lighthouse-pages.mjs).

    `form_factor` is "mobile" (Lighthouse's default: a mid-range phone on slow 4G,
    simulated) or "desktop" (its desktop preset); `throttling` is "simulate" (Lighthouse's
    default: the load is observed unthrottled, then modelled) or "devtools" (really throttled);
    `cpu_slowdown` replaces Lighthouse's CPU slowdown multiplier (see `calibrated_slowdown`).
    """
    if form_factor not in ("mobile", "desktop"):
        raise ValueError(f"form_factor must be mobile or desktop, not {form_factor!r}")
    if throttling not in THROTTLING:
        raise ValueError(f"throttling must be one of {THROTTLING}, not {throttling!r}")
    npm_tool("lighthouse")
    node = shutil.which("node") or "node"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        command = [node, str(AUDIT / "lighthouse-pages.mjs"), tmp, form_factor, ",".join(categories), *urls]
        env = {
            **os.environ,
            "CHROME_PATH": chromium(),
            "LIGHTHOUSE_CHROME_FLAGS": " ".join(CHROME_FLAGS),
            "LIGHTHOUSE_THROTTLING": throttling,
            **({"LIGHTHOUSE_CPU_SLOWDOWN": f"{cpu_slowdown:.2f}"} if cpu_slowdown is not None else {}),
        }
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"lighthouse failed ({form_factor}), exit {done.returncode}:\n{done.stderr[-3000:]}")
        results = [json.loads((Path(tmp) / f"{n}.json").read_text("utf-8")) for n in range(len(urls))]
    reports = []
    for url, data in zip(urls, results, strict=True):
        if data.get("runtimeError"):
            raise RuntimeError(f"lighthouse could not load {url}: {data['runtimeError']}")
        reports.append(_report(url, form_factor, data))
    return reports


def _report(url: str, form_factor: str, data: dict) -> Report:
    scores = {}
    failing = {}
    errors = {}
    for name, category in data["categories"].items():
        if category["score"] is None:
            raise RuntimeError(f"lighthouse gave no {name} score for {url} ({form_factor})")
        scores[name] = round(category["score"] * 100)
        for ref in category["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if audit["scoreDisplayMode"] == "error":  # could not run: no pass, reported apart
                errors[ref["id"]] = (name, audit.get("errorMessage", "unknown error"))
                continue
            scored = audit["score"] is not None and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
            if scored and audit["score"] < 1:
                # Audits of weight 0 (performance's opportunities, experimental axe rules) fail without moving the score.
                unweighted = " [weight 0]" if not ref.get("weight") and name != "performance" else ""
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                failing[ref["id"]] = f"{audit['title']}{unweighted}{shown}"
    metrics = {name: data["audits"][name]["numericValue"] for name in METRICS if "numericValue" in data["audits"].get(name, {})}
    runs = [scores["performance"]] if "performance" in scores else []
    index = float(data.get("environment", {}).get("benchmarkIndex") or 0.0)
    slowdown = float(data.get("configSettings", {}).get("throttling", {}).get("cpuSlowdownMultiplier", 4.0))
    return Report(url, form_factor, scores, failing, errors, list(data.get("runWarnings", [])), metrics, runs, index, slowdown)


def median_report(reports: list[Report]) -> Report:
    """Scores of several runs of one page: the median performance (each run's in `runs`), the worst of the rest; median metrics."""
    first = reports[0]
    scores = {}
    for name in first.scores:
        values = [r.scores[name] for r in reports]
        scores[name] = round(statistics.median(values)) if name == "performance" else min(values)
    failing: dict[str, str] = {}
    errors: dict[str, tuple[str, str]] = {}
    for r in reports:
        failing.update(r.failing)
        errors.update(r.errors)
    metrics = {
        name: statistics.median(r.metrics[name] for r in reports) for name in first.metrics if all(name in r.metrics for r in reports)
    }
    runs = [score for r in reports for score in r.runs]
    warnings = sorted({w for r in reports for w in r.warnings})
    index = statistics.median(r.benchmark_index for r in reports)
    return Report(first.url, first.form_factor, scores, failing, errors, warnings, metrics, runs, index, first.cpu_slowdown)


# --- html-validate ----------------------------------------------------------------------------


def html_validate(files: list[Path], config: Path = AUDIT / ".htmlvalidate.json") -> list[dict]:
    """Run the pinned html-validate (by default with tests/audit/.htmlvalidate.json); its JSON results, files with messages only."""
    binary = npm_tool("html-validate")
    with tempfile.TemporaryDirectory(prefix="html-validate-") as tmp:
        # To a file: html-validate exits before a large report has gone through a pipe.
        out = Path(tmp) / "report.json"
        command = [str(binary), "--config", str(config), "--formatter", f"json={out}", *map(str, files)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode not in (0, 1) or not out.exists():
            raise RuntimeError(f"html-validate did not run (exit {done.returncode}):\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
        text = out.read_text("utf-8").strip()
    return json.loads(text) if text else []


STRICT_PRESETS = ["html-validate:recommended", "html-validate:document"]


def html_validate_strict(files: list[Path]) -> list[dict]:
    """html-validate with its recommended and document presets and no exceptions at all."""
    with tempfile.TemporaryDirectory(prefix="html-validate-") as tmp:
        config = Path(tmp) / "strict.json"
        config.write_text(json.dumps({"root": True, "extends": STRICT_PRESETS}), encoding="utf-8")
        return html_validate(files, config)


def fragment_document(body: str, head: str = "") -> str:
    """A minimal valid page around fragments of ours, so that only they are judged.

    Lines of nothing but indentation (left by Material's templates around the article)
    are dropped; lines with content are kept as they are.
    """
    body, head = ("\n".join(line for line in part.splitlines() if line.strip()) for part in (body, head))
    head = f"{head}\n" if head else ""
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Fragment</title>\n{head}</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n'


def messages(results: list[dict]) -> list[str]:
    """html-validate's JSON results as `file:line:column rule message` lines."""
    return [f"{r['filePath']}:{m['line']}:{m['column']} {m['ruleId']} {m['message']}" for r in results for m in r["messages"]]


# --- axe-core ---------------------------------------------------------------------------------


def axe_violations(page, context: str | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (its default rules: WCAG 2.x A and AA and best practices)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    return found
