"""Line numbers for warnings, found in the page's source after the fact.

The element tree does not say where an element came from, so a warning looks
for a piece of the embed's text (its address, its tag as written) in the
source, from where the previous warning's embed was found: embeds are met in
page order, so each search goes on from the last one and the whole page is
read about once, however many warnings it has.
"""

from __future__ import annotations

from bisect import bisect_right

NEEDLE_LIMIT = 120  # characters of an embed looked for


class SourceLocator:
    def __init__(self, lines: list[str] | None = None) -> None:
        self.lines = lines or []
        self.text: str | None = None
        self.starts: list[int] = []
        self.cursor = 0

    def line_of(self, needle: str) -> int | None:
        """The 1-based line of the next occurrence of `needle` (its first line), or None."""
        needle = needle.split("\n", 1)[0].strip()[:NEEDLE_LIMIT]
        if not needle:
            return None
        if self.text is None:
            self.text = "\n".join(self.lines)
            self.starts = [0]
            position = self.text.find("\n")
            while position >= 0:
                self.starts.append(position + 1)
                position = self.text.find("\n", position + 1)
        found = self.text.find(needle, self.cursor)
        if found < 0:
            found = self.text.find(needle, 0, self.cursor + len(needle))  # met out of order (a footnote)
            if found < 0:
                return None
        else:
            self.cursor = found + 1
        return bisect_right(self.starts, found)
