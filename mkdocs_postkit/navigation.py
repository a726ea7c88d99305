"""Navigation of a post split into pages: pure functions over strings and lists.

The plugin feeds them MkDocs objects' plain data; nothing here imports MkDocs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from .anchors import slugify
from .messages import Messages

VIDEOS_MARKER = "postkit/videos"  # the comment `<!-- postkit/videos -->` is where the list of videos goes
SEVERAL_VIDEOS_SECONDS = 12  # a facade is looked at, not read; roughly an image's worth of time


@dataclass(frozen=True)
class Part:
    number: int
    total: int


@dataclass(frozen=True)
class VideoLink:
    """A video as the index lists it: its title and the anchor that reaches it."""

    title: str
    anchor: str
    in_toc: bool  # True when a heading of the same title already stands in the TOC
    section: str = ""  # id of the nearest heading above the video, where its TOC entry belongs


def number_parts(page_ids: list[str]) -> dict[str, Part]:
    """Part numbers in nav order; the nav stays the single source of order."""
    return {page_id: Part(n, len(page_ids)) for n, page_id in enumerate(page_ids, start=1)}


def check_words_per_minute(value: int) -> int:
    """The `words_per_minute` option; raises ValueError (0 would divide by zero, a negative count means nothing)."""
    if isinstance(value, bool) or value < 1:
        raise ValueError(f"must be a whole number of at least 1, such as 220; not {value!r}")
    return value


def reading_minutes(words: int, words_per_minute: int = 220, videos: int = 0) -> int:
    """Whole minutes to read a page's `words` (see `pages.read_page`) and look at its `videos`, at least one."""
    return max(1, math.ceil((words / words_per_minute) + videos * SEVERAL_VIDEOS_SECONDS / 60))


def position_html(part: Part, minutes: int | None, messages: Messages) -> str:
    """The line under a part's title, e.g. `Part 2 of 5 · 3 min read`; "" when both messages are ""."""
    pieces = []
    if messages.template("part"):
        pieces.append(escape(messages("part", number=part.number, total=part.total)))
    if minutes is not None and messages.template("reading_time"):
        pieces.append(escape(messages("reading_time", minutes=minutes)))
    if not pieces:
        return ""
    # Not in the search index: a hit shows what the page says, not where it stands.
    # The entity keeps the line ASCII when the language is: one non-ASCII character slows the encoding of the whole page.
    return '<p class="postkit-position" data-search-exclude>' + ' <span aria-hidden="true">&middot;</span> '.join(pieces) + "</p>"


def videos_page_html(messages: Messages) -> str:
    """The generated page of all videos: its title, its introduction and the marker the list replaces.

    HTML, not Markdown: the site's wording of these messages stays text.
    """
    title, intro = messages("videos_title"), messages("videos_intro")
    heading = f'<h1 id="{escape(slugify(title) or "videos")}">{escape(title)}</h1>\n'
    return heading + (f"<p>{escape(intro)}</p>\n" if intro else "") + f"<!-- {VIDEOS_MARKER} -->\n"


def videos_index_html(entries: list[tuple[str, str, str, VideoLink]], messages: Messages) -> str:
    """The index's list: entries are (URL of the page, page title, part label, video).

    HTML rather than Markdown: Python-Markdown parses a link in about 50 µs, which
    for the thousands of videos of a large site costs more than the rest of the index.
    """
    if not entries:
        return f"<p>{escape(messages('no_videos'))}</p>\n"
    items = []
    for url, page_title, part_label, video in entries:
        where = f"{part_label}: {page_title}" if part_label else page_title
        items.append(f'<li><a href="{escape(url)}#{escape(video.anchor)}">{escape(video.title)}</a> &mdash; {escape(where)}</li>\n')
    # Not in the search index, in either engine: a search lands on the part where the video plays.
    return '<ul class="postkit-videos" data-search-exclude>\n' + "".join(items) + "</ul>\n"
