"""Shared by the benchmark scripts: the project's paths, site variants, tables.

Each benchmark builds what it compares in a temporary folder, so the numbers
come from one run on one machine and never from the repository's `site/`.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# The benchmarks drive the same loopback servers, `mkdocs serve` and Chromium as the tests: `support.*`.
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# What YouTube's Share -> Embed gives, as pasted in docs/videos.md.
PASTED_IFRAME = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/{id}?si=AbCdEfGhIjKlMnOp" title="YouTube video player" '
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
    "allowfullscreen></iframe>"
)
PASTED_IFRAME_LINE = re.compile(
    r'^<iframe\b[^>]*\bsrc="https://www\.youtube\.com/embed/(?P<id>[A-Za-z0-9_-]{11})[^"]*"[^>]*></iframe>[ \t]*$', re.MULTILINE
)

# The three ways of embedding the same videos that the benchmarks compare.
POSTKIT, PLAIN, MKDOCS_VIDEO = "postkit", "plain iframes", "mkdocs-video 1.5.0"
VARIANTS = (POSTKIT, PLAIN, MKDOCS_VIDEO)


def load_project_config() -> dict:
    """The project's `mkdocs.yml` as data, `!ENV` values at their defaults."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        return value[-1]

    Loader.add_constructor("!ENV", env)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


def without_postkit(config: dict) -> dict:
    """The project's config with every trace of postkit removed (its plugin, extension and assets)."""
    config = dict(config)
    config["plugins"] = [p for p in config.get("plugins", []) if _name(p) != "postkit"]
    config["markdown_extensions"] = [e for e in config.get("markdown_extensions", []) if _name(e) != "mkdocs_postkit.video"]
    for key in ("extra_css", "extra_javascript"):
        config[key] = [a for a in config.get(key, []) if "postkit" not in str(a)]
    return config


def _name(entry: object) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def iframes_to_mkdocs_video(markdown: str) -> str:
    """Pasted YouTube iframes -> mkdocs-video's `![type:video](https://www.youtube.com/embed/ID)`."""
    return PASTED_IFRAME_LINE.sub(lambda m: f"![type:video](https://www.youtube.com/embed/{m['id']})", markdown)


def project_variant(dest: Path, variant: str, site_url: str) -> Path:
    """A copy of the project's sources under `dest`, set up as `variant`; returns its mkdocs.yml."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")  # symlinks followed: postkit's assets become files
    config = load_project_config()
    # The stylesheet merge is the site's choice, not the embeds' cost: every variant links its files one by one.
    config["plugins"] = [
        {"postkit": {**p["postkit"], "merge_stylesheets": False}} if _name(p) == "postkit" and isinstance(p, dict) else p
        for p in config["plugins"]
    ]
    if variant != POSTKIT:
        config = without_postkit(config)
        shutil.rmtree(dest / "overrides" / "assets" / "postkit", ignore_errors=True)
    if variant == MKDOCS_VIDEO:
        config["plugins"] = [*config["plugins"], "mkdocs-video"]
        for page in (dest / "docs").rglob("*.md"):
            page.write_text(iframes_to_mkdocs_video(page.read_text("utf-8")), "utf-8")
    config["site_url"] = site_url
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


NUMBER = re.compile(r"[-+]?[\d.,–]+%?")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table as pasted in the README: columns of numbers right-aligned, others left-aligned."""
    text_rows = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in text_rows]) for i, h in enumerate(header)]
    right = [bool(text_rows) and all(NUMBER.fullmatch(r[i]) for r in text_rows) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 1) + ":" if r else "-" * (w + 2) for w, r in zip(widths, right, strict=True)) + "|")
    for row in text_rows:
        cells = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    """One line that says where the figures come from."""
    import platform

    import markdown
    import material
    import mkdocs

    return (
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Material {material.__version__}, "
        f"Python-Markdown {markdown.__version__}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
