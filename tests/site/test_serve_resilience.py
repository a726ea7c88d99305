"""`mkdocs serve` survives a bad embed: it keeps running, prints the warning, and recovers on the fix.

A real `mkdocs serve --livereload` on a free loopback port, in a temporary copy
of the project; every wait is bounded.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from support.server import free_port
from support.sites import copy_project

GOOD_SRC = "https://www.youtube.com/embed/v-zudK5KnWY?si=f7BZyGd_1_S7zS3F"
BAD_SRC = "javascript:alert(document.domain)"
FIGURE = re.compile(r'<figure class="postkit-video"')


class Server:
    def __init__(self, process: subprocess.Popen, url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def get(self, path: str, timeout: float = 5) -> str | None:
        """The page's HTML, or None when the server does not answer in time (or with an error)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return None

    def watching(self, page: Path, path: str) -> None:
        """Return once the server reacts to edits of `page`.

        Its file watcher takes a first snapshot in a thread of its own, possibly
        after the server answers; an edit saved before that snapshot is never
        seen. So an HTML comment is added, again every 2 s, until it is served.
        """
        original = page.read_text("utf-8")
        for attempt in range(15):
            probe = f"<!-- watching {attempt} -->"
            page.write_text(f"{original}\n{probe}\n", "utf-8")
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline:
                if probe in (self.get(path) or ""):
                    return
                time.sleep(0.05)
        raise AssertionError(f"the server never showed an edit of {page.name}; server log:\n{self.output()[-3000:]}")

    def wait_until(self, what: str, condition: Callable[[], object], timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.alive(), f"mkdocs serve exited while waiting for {what}:\n{self.output()[-3000:]}"
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"no {what} within {timeout} s; server log:\n{self.output()[-3000:]}")


@contextmanager
def serve(project: Path, *options: str) -> Iterator[Server]:
    port = free_port()
    log = project / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}", *options]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    server = Server(process, f"http://127.0.0.1:{port}/", log)
    try:
        server.wait_until("first page", lambda: server.get("") is not None, timeout=60)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def warning_for(page: Path) -> str:
    """The warning the bad edit must print: the page, the line in the file (front matter counted), the cause."""
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), start=1) if GOOD_SRC in text)
    return f"postkit: videos.md:{line}: 'javascript:' addresses cannot be embedded"


def edit(page: Path, old: str, new: str) -> None:
    text = page.read_text("utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), "utf-8")


def test_strict_serve_reports_a_bad_embed_and_recovers_when_it_is_fixed(tmp_path):
    """As the author runs it (scripts/serve.sh; mkdocs.yml sets strict: true)."""
    project = copy_project(tmp_path)
    page = project / "docs" / "videos.md"
    warning = warning_for(page)
    with serve(project) as server:
        assert len(FIGURE.findall(server.get("videos/") or "")) == 4
        server.watching(page, "videos/")

        edit(page, GOOD_SRC, BAD_SRC)
        server.wait_until("warning", lambda: warning in server.output())
        server.wait_until("abort", lambda: "Aborted with 1 warnings in strict mode" in server.output())
        time.sleep(1)  # the server must still be there after the failed rebuild
        assert server.alive()

        edit(page, BAD_SRC, GOOD_SRC)
        edit(page, "Here are the four videos", "Here, fixed, are the four videos")
        server.wait_until("fixed page", lambda: "Here, fixed, are the four videos" in (server.get("videos/") or ""))
        html = server.get("videos/") or ""
        assert len(FIGURE.findall(html)) == 4 and "postkit-video-fallback" not in html
        assert server.output().count(warning) == 1, "the fixed build warns no more"
        assert server.alive()


def test_serve_without_strict_shows_the_fallback_while_the_embed_is_bad(tmp_path):
    """With --no-strict the preview goes on: the bad video becomes a safe fallback, the others stay."""
    project = copy_project(tmp_path)
    page = project / "docs" / "videos.md"
    warning = warning_for(page)
    with serve(project, "--no-strict") as server:
        server.watching(page, "videos/")
        edit(page, GOOD_SRC, BAD_SRC)
        server.wait_until("fallback", lambda: "postkit-video-fallback" in (server.get("videos/") or ""))
        html = server.get("videos/") or ""
        assert warning in server.output()
        assert len(FIGURE.findall(html)) == 3
        assert "<iframe" not in html and not re.search(r'(?:href|src)="javascript:', html)

        edit(page, BAD_SRC, GOOD_SRC)
        server.wait_until("recovered page", lambda: len(FIGURE.findall(server.get("videos/") or "")) == 4)
        assert "postkit-video-fallback" not in (server.get("videos/") or "")
        assert server.output().count(warning) == 1
        assert server.alive()
