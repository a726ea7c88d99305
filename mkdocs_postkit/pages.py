"""What every page gets besides its videos, the same under either engine: pure functions over HTML.

An engine adapter calls these with what only it knows (the page's part, from its
nav) once Markdown has rendered the page.
"""

from __future__ import annotations

import posixpath

from .navigation import Part, insert_after_title, position_html, reading_minutes


def with_position(html: str, part: Part | None, videos: int, part_label: str, reading_time: str, words_per_minute: int) -> str:
    """The page's HTML with "Part N of M · X min read" under its title (a page outside the nav has no part)."""
    minutes = reading_minutes(html, words_per_minute, videos=videos) if part and reading_time else None
    return insert_after_title(html, position_html(part, minutes, part_label, reading_time))


def lines_above(source: str, markdown: str) -> int:
    """Lines the engine removed above the Markdown (front matter), so warnings give the line in the file."""
    start = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0


def docs_path(page_path: str, written: str) -> tuple[str, str]:
    """A path written in a page -> (the file's path in docs/, the `?query#fragment` it carried)."""
    clean = written.split("#")[0].split("?")[0]
    target = clean.lstrip("/") if clean.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(page_path), clean))
    return target, written[len(clean) :]
