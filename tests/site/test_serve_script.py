"""`scripts/serve.sh`, the author's preview command, in a copy of the repository.

Wrong Python: one line, nothing made. A venv made by another Python: made again.
A second start: no pip. A busy port: one line that says how to pick another. A faulty
edit: the open page reloads and shows the warning (file, line, fix) while
`mkdocs build --strict` fails on it; after the fix the notice is gone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import watched_page
from support.serve import MkdocsServe, fetch
from support.server import free_port
from support.sites import ROOT

SOURCES = (
    "scripts",
    "mkdocs_postkit",
    "docs",
    "overrides",
    "mkdocs.yml",
    "pyproject.toml",
    "README.md",
    "requirements.txt",
    "requirements-test.txt",
)
BAD_VIDEO = "![type:video](https://www.youtube.com/watch?v=abc)"


def copy_repository(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def script_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")} | extra
    # python3 is the one running these tests, whatever PATH says (a .venv's bin dir may come first).
    env.setdefault("PYTHON", str(Path(sys.executable).resolve()))
    return env


def run(project: Path, script: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", f"scripts/{script}", *args], cwd=project, env=script_env(**env), capture_output=True, text=True, timeout=600, check=False
    )


def describe(python: str | Path) -> str:
    code = 'import sys; print("%d.%d.%d" % sys.version_info[:3], sys.base_prefix)'
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def fake_python(folder: Path, answer: str) -> Path:
    """An executable that answers any question as an interpreter of version and prefix `answer` would."""
    folder.mkdir(parents=True, exist_ok=True)
    python = folder / "python3"
    python.write_text(f"#!/bin/sh\necho '{answer}'\n", "utf-8")
    python.chmod(0o755)
    return python


class ServeScript(MkdocsServe):
    def command(self) -> list[str]:
        return ["bash", "scripts/serve.sh", "--dev-addr", f"127.0.0.1:{self.port}", *self.options]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the repository whose .venv was made by another Python, then set up once by setup.sh."""
    project = copy_repository(tmp_path_factory.mktemp("repository"))
    fake_python(project / ".venv" / "bin", "3.10.12 /opt/python3.10").rename(project / ".venv" / "bin" / "python")
    done = run(project, "setup.sh")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The .venv was made by another Python (3.10.12 /opt/python3.10); making it again with" in done.stdout
    assert "Installing the site's requirements" in done.stdout
    assert describe(project / ".venv" / "bin" / "python") == describe(sys.executable)
    return project


@pytest.mark.timeout(120)
def test_a_python_older_than_3_11_is_refused_in_one_line(tmp_path):
    project = copy_repository(tmp_path / "repository")
    bin_dir = tmp_path / "bin"
    fake_python(bin_dir, "3.10.12 /usr")
    done = run(project, "serve.sh", PATH=f"{bin_dir}:{os.environ['PATH']}", PYTHON="python3")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "error: the site needs Python 3.11 or newer; python3 is 3.10.12 (install 3.11+, or set PYTHON=/path/to/python3.11)"
    ]
    assert not (project / ".venv").exists(), "nothing is made with a Python that cannot run the site"


@pytest.mark.timeout(300)
def test_a_second_start_installs_nothing(project):
    with ServeScript(project) as serve:
        assert fetch(serve.url)[0] == 200
    output = serve.output()
    assert "Installing" not in output and "pip" not in output, output
    assert "Serving on" in output
    assert len((project / ".venv" / ".installed").read_text("utf-8").split()) == 1


@pytest.mark.timeout(120)
def test_a_busy_port_is_one_line_that_says_how_to_pick_another(project):
    port = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        done = run(project, "serve.sh", "-a", f"127.0.0.1:{port}")
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: cannot serve on 127.0.0.1:{port}: the port is in use")
    assert line.endswith(f"pick another with: scripts/serve.sh -a 127.0.0.1:{port + 1}")


@pytest.mark.timeout(300)
def test_a_faulty_edit_shows_in_the_page_and_still_fails_the_strict_build(project, browser):
    target = project / "docs" / "reflections.md"
    original = target.read_text("utf-8")
    line = original.count("\n") + 2  # after a blank line
    notice = ".postkit-build-warnings"
    with ServeScript(project) as serve:
        serve.wait_until_watching(target, "reflections/")
        context = browser.new_context()
        page = watched_page(context)
        page.goto(serve.url + "reflections/")
        expect(page.locator(notice)).to_have_count(0)
        page.wait_for_timeout(1000)  # let the live-reload script connect
        target.write_text(f"{original}\n{BAD_VIDEO}\n", "utf-8")
        warning = page.locator(f"{notice} li")
        expect(warning).to_have_text(  # the page reloaded by itself
            f"postkit: reflections.md:{line}: 'abc' in 'https://www.youtube.com/watch?v=abc' is not a YouTube video id"
            " (11 letters, digits, - or _); copy the link again from YouTube's Share button.",
            timeout=20_000,
        )
        expect(page.locator(notice)).to_contain_text("mkdocs build --strict and CI fail")
        expect(page.locator(notice)).to_be_visible()

        strict = subprocess.run(
            [str(project / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(project / "strict-site")],
            cwd=project,
            env=script_env(NO_MKDOCS_2_WARNING="1"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        log = strict.stdout + strict.stderr
        assert strict.returncode == 1, log
        assert f"reflections.md:{line}: 'abc'" in log and "Aborted with 1 warnings in strict mode!" in log
        assert notice.strip(".") not in (project / "strict-site" / "reflections" / "index.html").read_text("utf-8")

        target.write_text(original, "utf-8")
        expect(page.locator(notice)).to_have_count(0, timeout=20_000)  # fixed: reloaded without the notice
        expect(page.locator("h1")).to_be_visible()
        assert page.watch.third_party == []
        assert serve.alive()
        context.close()
