"""Build real MkDocs sites: the project's own, or small ones described in a dict."""

from __future__ import annotations

import logging
import os
import shutil
import textwrap
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def _quiet_material_banner():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    yield


def build_project(dest: Path, site_url: str | None = None, project: Path = ROOT, **overrides: object) -> Path:
    """Build this repository's site (or a `copy_project` of it) into `dest` (strict, as `mkdocs build`)."""
    with _quiet_material_banner():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(dest), **({"site_url": site_url} if site_url else {}), **overrides)
        build(config)
    return dest


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def build_site(tmp_path: Path, files: dict[str, str], config: str = "", strict: bool = False) -> Path:
    """Build a small site from `{path: content}` under docs/; returns its site folder.

    `config` is extra YAML for `mkdocs.yml`; the default uses Material and postkit.
    """
    write_files(tmp_path / "docs", files)
    yaml = "site_name: Test\nsite_url: http://127.0.0.1/\ntheme: {name: material, font: false}\n"
    if "plugins:" not in config:
        yaml += "plugins: [postkit]\n"
    (tmp_path / "mkdocs.yml").write_text(yaml + textwrap.dedent(config), encoding="utf-8")
    with _quiet_material_banner():
        loaded = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=strict)
        build(loaded)
    return tmp_path / "site"


@contextmanager
def captured_warnings():
    """Collect the warnings MkDocs counts, outside pytest's per-test `caplog`."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    messages: list[str] = []
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        messages += [r.getMessage() for r in records]


def warnings_of(caplog) -> list[str]:
    """The warnings MkDocs counts for --strict (every logger under `mkdocs.`)."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("mkdocs")]


def main_content(html: str) -> str:
    """The article of a built Material page, without the theme around it."""
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.index("</article>", start)]


def copy_project(dest: Path) -> Path:
    """A copy of the repository's site sources (for tests that edit or deploy them)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides"):  # overrides/ holds the thumbnail cache
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, symlinks=False)
        else:
            shutil.copy2(source, dest / name)
    return dest
