"""Each video without a heading of its own gets an entry in the page's table of contents.

Runs right after `toc` (which builds `md.toc_tokens`, read by MkDocs and Zensical
alike), so that the entries follow the engine-independent extension.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..navigation import VideoLink
from .embeds import HEADINGS

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from .extension import VideoExtension


class VideoToc(Treeprocessor):
    def __init__(self, md: Markdown, extension: VideoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        state = self.extension.state
        tokens: list[dict[str, Any]] | None = getattr(self.md, "toc_tokens", None)
        by_id = _tokens_by_id(tokens or [])
        headings = [element for element in root.iter() if element.tag in HEADINGS]  # in page order, as `toc` reads them
        order = {id(heading): n for n, heading in enumerate(headings)}
        shown = _shown_sections(headings, by_id)
        entries: dict[int, tuple[list[dict[str, Any]], list[tuple[float, dict[str, Any]]]]] = {}  # per list of siblings
        links = []
        for placed in state.placed:
            section = placed.heading.get("id", "") if placed.heading is not None else ""
            in_toc = placed.under_heading and section in by_id
            links.append(VideoLink(placed.title, section if in_toc else placed.anchor, in_toc, section))
            if in_toc or tokens is None or not self.extension.getConfig("toc"):
                continue
            # The nearest section above that the TOC shows (`toc_depth` may leave the nearest heading out).
            parent = shown.get(id(placed.heading)) if placed.heading is not None else None
            siblings = parent["children"] if parent is not None else tokens
            level = min(6, parent["level"] + 1) if parent is not None else 2
            name = escape(placed.title)  # token names are HTML, printed as they are by themes
            entry: dict[str, Any] = {"level": level, "id": placed.anchor, "name": name, "html": name, "data-toc-label": "", "children": []}
            # Right after the heading above it: before that heading's subsections.
            place = order.get(id(placed.heading), -1) + 0.5 if placed.heading is not None else -0.5
            entries.setdefault(id(siblings), (siblings, []))[1].append((place, entry))
        positions = {heading.get("id"): n for n, heading in reversed(list(enumerate(headings)))}
        for siblings, videos in entries.values():
            siblings[:] = _merged(siblings, videos, positions)
        state.links = links


def _shown_sections(headings: list[etree.Element], by_id: dict[str, dict[str, Any]]) -> dict[int, dict[str, Any] | None]:
    """For each heading, the TOC entry of the nearest section that holds it and that the TOC shows (itself, if shown)."""
    found: dict[int, dict[str, Any] | None] = {}
    open_sections: list[tuple[int, dict[str, Any] | None]] = []  # (level, shown entry) of the sections around
    for heading in headings:
        level = int(heading.tag[1])
        while open_sections and open_sections[-1][0] >= level:
            open_sections.pop()
        entry = by_id.get(heading.get("id", ""))
        if entry is None and open_sections:
            entry = open_sections[-1][1]
        open_sections.append((level, entry))
        found[id(heading)] = entry
    return found


def _merged(
    siblings: list[dict[str, Any]], videos: list[tuple[float, dict[str, Any]]], positions: dict[str | None, int]
) -> list[dict[str, Any]]:
    """The siblings (headings, in page order) and the videos' entries (in page order), merged by place on the page."""
    merged: list[dict[str, Any]] = []
    waiting = iter(videos)
    video = next(waiting, None)
    for sibling in siblings:
        while video is not None and video[0] < positions.get(sibling["id"], -1):
            merged.append(video[1])
            video = next(waiting, None)
        merged.append(sibling)
    while video is not None:
        merged.append(video[1])
        video = next(waiting, None)
    return merged


def _tokens_by_id(tokens: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    stack = list(tokens)
    while stack:
        token = stack.pop()
        found.setdefault(token["id"], token)
        stack.extend(token.get("children", []))
    return found
