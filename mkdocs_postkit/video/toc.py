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
        filed: dict[str, int] = {}  # entries added under each section so far, to keep page order
        links = []
        for placed in state.placed:
            section = placed.heading.get("id", "") if placed.heading is not None else ""
            in_toc = placed.under_heading and section in by_id
            links.append(VideoLink(placed.title, section if in_toc else placed.anchor, in_toc, section))
            if in_toc or tokens is None or not self.extension.getConfig("toc"):
                continue
            parent = by_id.get(section)
            siblings = parent["children"] if parent is not None else tokens
            level = min(6, parent["level"] + 1) if parent is not None else 2
            name = escape(placed.title)  # token names are HTML, printed as they are by themes
            entry: dict[str, Any] = {"level": level, "id": placed.anchor, "name": name, "html": name, "data-toc-label": "", "children": []}
            # The nearest heading above: the video comes before that heading's subsections.
            siblings.insert(filed.get(section, 0), entry)
            filed[section] = filed.get(section, 0) + 1
        state.links = links


def _tokens_by_id(tokens: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    stack = list(tokens)
    while stack:
        token = stack.pop()
        found.setdefault(token["id"], token)
        stack.extend(token.get("children", []))
    return found
