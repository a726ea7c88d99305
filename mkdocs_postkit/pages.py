"""What every page gets besides its videos, the same under either engine: pure functions over HTML.

A rendered page is read with the tokenizer: where its title ends (the position
line goes there), whether it holds content of its own (a tags or search page,
before its plugin fills it, does not), where its author placed the video list
(the comment `<!-- postkit/videos -->`), and how many words it shows (the reading
time). An engine adapter calls these with
what only it knows (the page's part, from its nav).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from .messages import Messages
from .navigation import VIDEOS_MARKER, Part, position_html
from .video.tokenizer import FrameScanner

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that are content even without text.
SHOWN = frozenset({"img", "figure", "video", "audio", "iframe", "object", "embed", "picture", "svg", "canvas", "table", "pre", "math"})
NOT_SHOWN = frozenset({"script", "style", "template"})
# The same in SVG and MathML (the tokenizer names a foreign element "style svg"): not raw text there, as hidden.
HIDDEN = NOT_SHOWN | {f"{tag} {space}" for tag in NOT_SHOWN for space in ("svg", "math")}


@dataclass
class PageFacts:
    title_end: int | None = None  # offset after the first `</h1>`
    holds_content: bool = False  # text or media outside the headings
    markers: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each list marker
    words: int = 0  # in the text a reader sees: not in attributes, comments, scripts, styles or templates


class _PageScanner(FrameScanner):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.facts = PageFacts()
        self.text: list[str] = []  # the shown text, piece by piece

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in SHOWN and not self.hidden():
            self.facts.holds_content = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.facts.title_end is None and self.open["h1"]:
            self.facts.title_end = self.source.find(">", self.position) + 1
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.hidden() or self.cdata_elem in NOT_SHOWN:
            return
        self.text.append(data)
        if data.strip() and not self.inside(HEADINGS):
            self.facts.holds_content = True

    def hidden(self) -> bool:
        return self.inside(HIDDEN)

    def parse_comment(self, i: int, report: int = 1) -> int:
        end = super().parse_comment(i, report)
        body = self.rawdata[i + 4 : end]
        body = body.removesuffix("-->") if body.endswith("-->") else body.removesuffix("--!>")
        if body.strip() == VIDEOS_MARKER and not self.hidden():
            self.facts.markers.append((self.base + i, self.base + end))
        return end


def read_page(html: str) -> PageFacts:
    """Facts about `html`, in one pass of the tokenizer (linear in its length)."""
    scanner = _PageScanner(html)
    scanner.run()
    # Words are what whitespace parts in the text joined as it stands: a tag inside a word
    # (`word<em>s</em>`) does not split it, and Python-Markdown parts blocks with a line break.
    scanner.facts.words = len("".join(scanner.text).split())
    return scanner.facts


def insert_after_title(html: str, snippet: str, facts: PageFacts | None = None) -> str:
    """Put `snippet` right after the first `<h1>` element, or first when there is none."""
    if not snippet:
        return html
    end = (facts or read_page(html)).title_end
    return snippet + html if end is None else html[:end] + snippet + html[end:]


def replace_markers(html: str, replacement: str, facts: PageFacts) -> str:
    """`html` with each video-list marker replaced by `replacement`."""
    pieces, done = [], 0
    for start, end in facts.markers:
        pieces += [html[done:start], replacement]
        done = end
    return "".join(pieces) + html[done:]


def with_position(html: str, part: Part | None, minutes: int | None, messages: Messages) -> str:
    """The page's HTML with "Part N of M · X min read" under its title (a page that is not a part has none)."""
    return html if part is None else insert_after_title(html, position_html(part, minutes, messages))


def lines_above(source: str, markdown: str) -> int:
    """Lines the engine removed above the Markdown (front matter), so warnings give the line in the file."""
    start = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0


def docs_path(page_path: str, written: str) -> tuple[str, str]:
    """A path written in a page -> (the file's path in docs/, the `?query#fragment` it carried)."""
    clean = written.split("#")[0].split("?")[0]
    target = clean.lstrip("/") if clean.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(page_path), clean))
    return target, written[len(clean) :]


def check_videos_index(path: str) -> str:
    """The `videos_index` option: "" (no page), or a Markdown path inside docs/; raises ValueError.

    The page is written to the site by its path, so an absolute path or `..` would put it outside.
    """
    if not path:
        return path
    segments = re.split(r"[/\\]", path)
    if path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        problem = "is absolute"
    elif ".." in segments:
        problem = "leaves docs/ with '..'"
    elif not path.endswith(".md") or segments[-1] == ".md":  # as MkDocs tells a page: `.MD` would be copied as a file
        problem = "is not a Markdown page (a name ending in .md)"
    else:
        return path
    raise ValueError(f"{path[:80]!r} {problem}; give a path inside docs/ ending in .md, such as 'all-videos.md', or '' for no page")
