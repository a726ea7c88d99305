"""A real `mkdocs serve --livereload` on a free loopback port, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .server import free_port


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


class MkdocsServe:
    """`with MkdocsServe(project) as serve:` runs the server until the block ends; `serve.output()` is its log."""

    def __init__(self, project: Path, *options: str) -> None:
        self.project = project
        self.options = options
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = project / "serve.log"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{self.port}", *self.options]

    def __enter__(self) -> MkdocsServe:
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.project,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                if fetch(self.url)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"mkdocs serve did not answer within 60 s:\n{self.output()}")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def wait_until_watching(self, page: Path, path: str) -> None:
        """Return once the file watcher sees edits of `page` (served at `path`).

        Its first snapshot is taken in a thread of its own, possibly after the
        server answers; an edit saved before it is never seen. So a comment is
        added, again every 2 s, until it is served; then the page is restored.
        """
        original = page.read_text("utf-8")
        try:
            for attempt in range(15):
                probe = f"<!-- watching {attempt} -->"
                page.write_text(f"{original}\n{probe}\n", "utf-8")
                deadline = time.monotonic() + 2
                while time.monotonic() < deadline:
                    if probe in (self.get(path) or ""):
                        return
                    time.sleep(0.05)
            raise AssertionError(f"the server never showed an edit of {page.name}; server log:\n{self.output()[-3000:]}")
        finally:
            page.write_text(original, "utf-8")

    def get(self, path: str) -> str | None:
        """The page's HTML, or None when the server does not answer in time (a strict server holds requests)."""
        try:
            status, body = fetch(self.url + path)
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return None
        return body if status == 200 else None

    def wait_until(self, what: str, condition: Callable[[], object], timeout: float = 30, poll: float = 0.1) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.alive(), f"mkdocs serve exited while waiting for {what}:\n{self.output()[-3000:]}"
            if condition():
                return
            time.sleep(poll)
        raise AssertionError(f"no {what} within {timeout} s; server log:\n{self.output()[-3000:]}")

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def wait_for(self, path: str, text: str, timeout: float = 15, poll: float = 0.1) -> float:
        """Seconds until `path` serves a page containing `text`; fails after `timeout`."""
        start = time.perf_counter()
        self.wait_until(f"{text!r} on {path}", lambda: text in (self.get(path) or ""), timeout, poll)
        return time.perf_counter() - start
