"""The Python-Markdown extension `postkit.video`.

It lives in Markdown, not in MkDocs events, so that Zensical (which runs
Markdown extensions but skips MkDocs plugins) renders the same players. Three
inputs become one output (`html.render_video`):

- a pasted `<iframe>` from YouTube's or Vimeo's Share -> Embed;
- mkdocs-video's `![type:video](URL)` alone on a line;
- a `/// video | URL` block with options and a Markdown caption.
"""

from __future__ import annotations

import itertools
import logging
import re
import textwrap
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import unescape
from typing import Any, ClassVar

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor, get_frontmatter
from pymdownx.blocks.block import Block, type_any

from ..anchors import slugify, unique
from .html import figure_attributes, is_generic_title, render_fallback, render_player, render_video
from .sources import Video, VideoError, parse_video, shorten

# Under `mkdocs.` so that MkDocs counts these warnings and `--strict` fails.
log = logging.getLogger("mkdocs.plugins.postkit")

FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
IFRAME_START = re.compile(r"^ {0,3}<iframe\b", re.IGNORECASE)
IFRAME_END = re.compile(r"</iframe\s*>", re.IGNORECASE)
VIDEO_IMAGE = re.compile(
    r'^ {0,3}!\[type:video\]\(\s*<?(?P<url>[^\s)>]*)>?(?:\s+"(?P<title>[^"]*)")?\s*\)(?:\{[^}]*\})?\s*$', re.IGNORECASE
)
# The start of a `/// video` block exactly as pymdownx reads it, and its option lines.
VIDEO_BLOCK = re.compile(r"^ {0,3}(?P<slashes>/{3,}) *video *(?:\|(?P<argument>.*))?$", re.IGNORECASE)
BLOCK_END = re.compile(r"^ {0,3}(?P<slashes>/{3,}) *$")
OPTION_LINE = re.compile(r"^ {4,}\S")
INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
MAX_IFRAME_LINES = 40
LINE_STARTS = frozenset("`~#=-/!<")  # the first character of every line the preprocessor acts on
# A start tag's attributes as the HTML standard reads them: quoted values may hold `>`.
TAG_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# An iframe left in the HTML (its tag, and its closing tag if only text stands between),
# outside comments and scripts, which are skipped whole.
STRAY_IFRAME = re.compile(
    rf"(?P<skip><!--.*?-->|<script\b.*?</script\s*>)|<iframe\b{TAG_ATTRIBUTES}>(?:[^<]*</iframe\s*>)?",
    re.IGNORECASE | re.DOTALL,
)
IFRAME_ANYWHERE = re.compile(r"<iframe\b", re.IGNORECASE)
VIDEO_FIGURE_ID = re.compile(r'<figure class="postkit-video[^"]*" data-title="[^"]*" id="(?P<id>[^"]*)"')
ANY_ID = re.compile(r'\sid="([^"]*)"')
IFRAME_TAG = re.compile(rf"<iframe\b(?P<attributes>{TAG_ATTRIBUTES})", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'<>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]*)))?""")


@dataclass
class PageContext:
    """What only MkDocs knows about the page being rendered; set by the plugin."""

    src_path: str
    # Lines of front matter that MkDocs removed; counted only when a warning needs them.
    count_front_matter_lines: Callable[[], int] = lambda: 0
    # A path written in the page -> the URL to use from the built page, or None if missing.
    resolve: Callable[[str], str | None] | None = None


@dataclass
class DocumentState:
    """Per-document bookkeeping, reset with the Markdown instance."""

    blocks: list[tuple[int, str]] = field(default_factory=list)  # (line, heading) per `/// video`, in order
    iframe_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, text) where an iframe was left as is
    stray_iframes: set[str] = field(default_factory=set)  # those already reported


class VideoExtension(BlocksExtension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"anchor_prefix": ["video-", "Prefix of every video's anchor (keeps them apart from heading ids)"]}
        super().__init__(**kwargs)
        self.page: PageContext | None = None
        self.state = DocumentState()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        self.reset()
        # After whitespace normalisation (30), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(VideoPreprocessor(md, self), "postkit_video", 29)
        md.treeprocessors.register(StrayVideoImages(md, self), "postkit_video_images", 5)
        # After raw HTML is restored (30), when every figure is in the text.
        md.postprocessors.register(UniqueVideoAnchors(md), "postkit_video_anchors", 10)
        # After raw HTML is restored (30): any iframe still in the page becomes a link.
        md.postprocessors.register(StrayIframes(md, self), "postkit_video_stray_iframes", 25)
        block_mgr.register(VideoBlock, {"extension": self})

    def reset(self) -> None:
        self.state = DocumentState()

    # Shared by the three inputs.

    def warn(self, message: str, line: int | None) -> None:
        """Report an author mistake where the author can find it."""
        where = self.page.src_path if self.page else ""
        if line is not None:
            line += self.page.count_front_matter_lines() if self.page else 0
            where = f"{where}:{line}" if where else f"line {line}"
        log.warning(f"postkit: {where + ': ' if where else ''}{message}.")

    def build(self, url: str, line: int | None, heading: str, **options: Any) -> Video | None:
        """A checked `Video`, or None after a warning."""
        title = options.pop("title", None)
        if title is None or is_generic_title(str(title)):
            title = heading or None
        try:
            video = parse_video(url, title=title, **options)
        except VideoError as error:
            self.warn(f"{error}", line)
            return None
        if self.page is None or self.page.resolve is None:
            return video  # outside MkDocs (Zensical): paths are used as written
        changes: dict[str, str] = {}
        for name, local in (("id", video.id if video.provider == "file" else ""), ("poster", video.poster)):
            if local and "://" not in local:
                resolved = self.page.resolve(local)
                if resolved is None:
                    self.warn(f"the file {shorten(local)!r} does not exist; put it in docs/ or fix the path (relative to this page)", line)
                    return None
                changes[name] = resolved
        return replace(video, **changes) if changes else video  # type: ignore[arg-type]

    def anchor(self, video: Video) -> str:
        """Derived from the title; made unique on the page by `UniqueVideoAnchors`."""
        return str(self.getConfig("anchor_prefix")) + (slugify(video.title) or "video")


class VideoPreprocessor(Preprocessor):
    """Replaces pasted iframes and `![type:video](…)` lines; notes where blocks are."""

    def __init__(self, md: Markdown, extension: VideoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence = ""
        heading = ""
        skip: set[int] = set()  # closing lines of blocks already replaced
        i = 0
        while i < len(lines):
            line, number = lines[i], i + 1
            if i in skip:
                i += 1
                continue
            if line.lstrip(" ")[:1] not in LINE_STARTS:  # prose, the most lines: none of the patterns below can match
                if not fence:
                    self.note_iframe(number, line)
                out.append(line)
                i += 1
                continue
            opening = FENCE.match(line)
            if fence:
                if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence) and not line.strip(fence[0] + " \t"):
                    fence = ""
                out.append(line)
                i += 1
                continue
            if opening:
                fence = opening["fence"]
            elif ATX_HEADING.match(line):
                heading = plain_text(ATX_HEADING.match(line)["text"])  # type: ignore[index]
            elif SETEXT_UNDERLINE.match(line) and i and lines[i - 1].strip() and out and out[-1] == lines[i - 1]:
                heading = plain_text(lines[i - 1].strip())
            elif block := VIDEO_BLOCK.match(line):
                options = list(itertools.takewhile(OPTION_LINE.match, lines[i + 1 :]))
                if options and get_frontmatter(textwrap.dedent("\n".join(options))) is None:
                    # pymdownx would leave the block as text, silently: it becomes the fallback here,
                    # its caption stays as ordinary text.
                    self.extension.warn(
                        "the options of this /// video block are not valid YAML; write one 'name: value' per line, "
                        "indented by 4 spaces, and quote values that contain ': ', quotes or brackets",
                        number,
                    )
                    out += self.stash(None, (block["argument"] or "").strip(), heading)
                    i += 1 + len(options)
                    ends = (
                        j for j in range(i, len(lines)) if (closer := BLOCK_END.match(lines[j])) and closer["slashes"] == block["slashes"]
                    )
                    skip.add(next(ends, len(lines)))
                    continue
                self.extension.state.blocks.append((number, heading))
            elif image := VIDEO_IMAGE.match(line):
                video = self.extension.build(image["url"], number, heading, title=image["title"])
                out += self.stash(video, image["url"], heading)
                i += 1
                continue
            elif IFRAME_START.match(line):
                end = next((j for j in range(i, min(i + MAX_IFRAME_LINES, len(lines))) if IFRAME_END.search(lines[j])), None)
                if end is not None:
                    source = "\n".join(lines[i : end + 1])
                    closing = IFRAME_END.search(source)
                    assert closing is not None
                    attributes = iframe_attributes(source[: closing.start()])
                    url = attributes.get("src") or ""
                    video = self.extension.build(url, number, heading, title=attributes.get("title"))
                    out += self.stash(video, url, heading)
                    rest = source[closing.end() :]
                    if rest.strip():
                        out.append(rest)
                        self.note_iframe(number, rest)
                    i = end + 1
                    continue
            self.note_iframe(number, line)
            out.append(line)
            i += 1
        return out

    def note_iframe(self, number: int, line: str) -> None:
        """Remember where an iframe is left to Markdown, for `StrayIframes`' warning."""
        if "<" in line and IFRAME_ANYWHERE.search(line):
            self.extension.state.iframe_lines.append((number, line))

    def stash(self, video: Video | None, url: str, heading: str) -> list[str]:
        html = f"<p>{render_fallback(url, heading)}</p>" if video is None else render_video(video, self.extension.anchor(video))
        return ["", self.md.htmlStash.store(html), ""]


class VideoBlock(Block):
    """`/// video | URL` with options `title`, `start`, `end`, `aspect`, `poster`; the body is the caption."""

    NAME = "video"
    ARGUMENT = None  # checked by `parse_video`, so that a missing URL gets a message
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {name: (None, type_any) for name in ("title", "start", "end", "aspect", "poster")}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # pymdownx drops a block with an unknown option silently and shows it as
        # text; we keep it and let `parse_video` name the option instead.
        self.argument = arg or ""
        self.options: dict[str, Any] = {"attrs": {}}
        self.given = options
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        extension: VideoExtension = self.config["extension"]
        line, heading = extension.state.blocks.pop(0) if extension.state.blocks else (None, "")
        video = extension.build(self.argument, line, heading, **self.given)
        if video is None:
            element = etree.SubElement(parent, "div")
            link = etree.SubElement(element, "p")
            link.text = self.md.htmlStash.store(render_fallback(self.argument, str(self.given.get("title") or heading)))
            return element
        self.figure = etree.SubElement(parent, "figure", figure_attributes(video, extension.anchor(video)))
        self.figure.text = self.md.htmlStash.store(render_player(video))
        return etree.SubElement(self.figure, "figcaption")

    def on_end(self, block: etree.Element) -> None:
        if block.tag == "figcaption" and not len(block) and not (block.text or "").strip():
            self.figure.remove(block)  # no body, no caption


class StrayVideoImages(Treeprocessor):
    """`![type:video](…)` inside a sentence cannot hold a player; it becomes a link."""

    def __init__(self, md: Markdown, extension: VideoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for image in list(root.iter("img")):
            if (image.get("alt") or "").lower() != "type:video":
                continue
            url = image.get("src") or ""
            self.extension.warn(f"the video {shorten(url)!r} is inside a paragraph; put ![type:video](…) on a line of its own", None)
            # Turned into a placeholder that the raw HTML step swaps for the link.
            image.tag, image.attrib = "span", {}
            image.text = self.md.htmlStash.store(render_fallback(url, image.get("title") or "Video"))


class StrayIframes(Postprocessor):
    """An iframe the preprocessor could not take (inside a paragraph, list, quote or HTML,
    or without `</iframe>`) would otherwise reach the page as is: it becomes a fallback link."""

    def __init__(self, md: Markdown, extension: VideoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if not IFRAME_ANYWHERE.search(text):
            return text
        return STRAY_IFRAME.sub(self.replace, text)

    def replace(self, match: re.Match[str]) -> str:
        if match["skip"]:
            return match[0]
        attributes = iframe_attributes(match[0])
        url = attributes.get("src") or ""
        line = self.line_of(match[0])
        # `toc` runs the postprocessors on each heading's text too: one warning per iframe, not two.
        if line is not None or match[0] not in self.extension.state.stray_iframes:
            self.extension.warn(
                f"the <iframe> {shorten(url)!r} is not on lines of its own (it is inside a paragraph, list, quote or HTML block, "
                "or has no </iframe>), so it became a link; paste the whole embed code on lines of its own",
                line,
            )
        self.extension.state.stray_iframes.add(match[0])
        return render_fallback(url, attributes.get("title") or "")

    def line_of(self, tag: str) -> int | None:
        first_line = tag.split("\n", 1)[0]
        lines = self.extension.state.iframe_lines
        for index, (number, text) in enumerate(lines):
            if first_line in text:
                del lines[index]
                return number
        return None


class UniqueVideoAnchors(Postprocessor):
    """Video ids unique on the page, numbered in document order like `toc` does."""

    def run(self, text: str) -> str:
        if "postkit-video" not in text:  # `toc` also runs this on every heading's text
            return text
        figures = list(VIDEO_FIGURE_ID.finditer(text))
        ids = [m["id"] for m in figures]
        if len(set(ids)) == len(ids) and all(text.count(f'id="{id}"') == 1 for id in ids):
            return text  # the usual case, found without collecting every id of the page
        taken = set(ANY_ID.findall(VIDEO_FIGURE_ID.sub("", text)))  # every id but the videos'
        out, last = [], 0
        for m in figures:
            out += [text[last : m.start("id")], unique(m["id"], taken)]
            last = m.end("id")
        return "".join(out) + text[last:]


def iframe_attributes(source: str) -> dict[str, str]:
    """The attributes of the first `<iframe>` tag, names lowercased and entities decoded.

    As in browsers, the first of two attributes with the same name counts.
    """
    tag = IFRAME_TAG.search(source)
    attributes: dict[str, str] = {}
    for m in ATTRIBUTE.finditer(tag["attributes"] if tag else ""):
        value = m["double"] if m["double"] is not None else m["single"] if m["single"] is not None else m["bare"] or ""
        attributes.setdefault(m["name"].lower(), unescape(value))
    return attributes


def plain_text(markdown_heading: str) -> str:
    """A heading's text without attribute lists and inline markup, for titles."""
    text = ATTR_LIST.sub("", markdown_heading)
    text = INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.split())


def makeExtension(**kwargs: Any) -> VideoExtension:
    return VideoExtension(**kwargs)
