"""`mkdocs serve` survives a bad embed: it keeps running, prints the warning, and recovers on the fix.

A real `mkdocs serve --livereload` on a free loopback port, in a temporary copy
of the project; every wait is bounded.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from support.serve import MkdocsServe
from support.sites import copy_project

GOOD_SRC = "https://www.youtube.com/embed/v-zudK5KnWY?si=f7BZyGd_1_S7zS3F"
BAD_SRC = "https://www.youtube.com/embed/v-zudK5?si=f7BZyGd_1_S7zS3F"  # an id cut short
FIGURE = re.compile(r'<figure class="postkit-video"')


def warning_for(page: Path) -> str:
    """The warning the bad edit must print: the page, the line in the file (front matter counted), the cause."""
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), start=1) if GOOD_SRC in text)
    return f"postkit: videos.md:{line}: 'v-zudK5' in '{BAD_SRC}' is not a YouTube video id"


def edit(page: Path, old: str, new: str) -> None:
    text = page.read_text("utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), "utf-8")


def test_strict_serve_reports_a_bad_embed_and_recovers_when_it_is_fixed(tmp_path):
    """As `mkdocs serve` runs with mkdocs.yml's `strict: true` (scripts/serve.sh adds --no-strict)."""
    project = copy_project(tmp_path)
    page = project / "docs" / "videos.md"
    warning = warning_for(page)
    with MkdocsServe(project) as server:
        assert len(FIGURE.findall(server.get("videos/") or "")) == 4
        server.wait_until_watching(page, "videos/")

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
    with MkdocsServe(project, "--no-strict") as server:
        server.wait_until_watching(page, "videos/")
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
