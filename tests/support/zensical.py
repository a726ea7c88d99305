"""Zensical's command line, for the tests that build a site with it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.foreign_sites import PYTHON

ZENSICAL = Path(sys.executable).parent / "zensical"  # beside the venv's python that runs the tests


def zensical_build(project: Path, *args: str, env: dict[str, str] | None = None, clean: bool = True) -> subprocess.CompletedProcess[str]:
    """`zensical build` in `project` (with `--clean` unless told otherwise); `env` runs it as `python -m zensical`."""
    zensical = shutil.which("zensical") or str(ZENSICAL)
    if not Path(zensical).exists():
        pytest.fail("zensical is not installed; run scripts/test.sh (it installs requirements-test.txt)")
    args = ("--clean", *args) if clean else args
    command = [PYTHON, "-m", "zensical", "build", *args] if env else [zensical, "build", *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=180)
