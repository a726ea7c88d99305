"""The Python-Markdown extension `mkdocs_postkit.video`.

It lives in Markdown, not in MkDocs events, so that Zensical (which runs
Markdown extensions but skips MkDocs plugins) renders the same players. Three
inputs become one output (`elements.figure`), wherever Markdown puts them
(admonitions, lists, tables, footnotes, tabs, raw HTML):

- a pasted `<iframe>` from YouTube's or Vimeo's Share -> Embed, or of a video file;
- mkdocs-video's `![type:video](URL)` alone in its paragraph or cell;
- a `/// video | URL` block with options and a Markdown caption.

Embeds are found after Markdown has parsed the page (`embeds.EmbedTreeprocessor`):
in the element tree, and in raw HTML as `tokenizer` reads it, never by
matching lines. Each video's table-of-contents entry is added by `toc.VideoToc`.
"""

from __future__ import annotations

import logging
import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block, type_any

from ..anchors import check_prefix, slugify
from ..messages import MessageError, Messages
from ..navigation import VideoLink
from .elements import is_generic_title
from .embeds import EmbedTreeprocessor, Placed
from .locate import SourceLocator
from .sources import OPTIONS, Playback, Video, VideoError, parse_video, shorten
from .toc import VideoToc

# Under `mkdocs.` so that MkDocs counts these warnings and `--strict` fails.
log = logging.getLogger("mkdocs.plugins.postkit")
FRAMES = ("keep", "link")
MAX_WARNINGS = 50  # per page: past that, one line says how many more


@dataclass
class PageContext:
    """What only the site generator knows about the page being rendered; set by the plugin."""

    src_path: str
    # Lines of front matter that MkDocs removed; counted only when a warning needs them.
    count_front_matter_lines: Callable[[], int] = lambda: 0
    # A path written in the page -> the URL to use from the built page, or None if missing.
    resolve: Callable[[str], str | None] | None = None


@dataclass
class PendingBlock:
    """A `/// video` block, read by pymdownx; it becomes a player once the page's headings are known."""

    argument: str
    options: dict[str, Any]


@dataclass
class DocumentState:
    """Per-document bookkeeping, reset with the Markdown instance."""

    locator: SourceLocator = field(default_factory=SourceLocator)
    blocks: dict[etree.Element, PendingBlock] = field(default_factory=dict)
    placed: list[Placed] = field(default_factory=list)  # in page order
    links: list[VideoLink] = field(default_factory=list)  # set once the TOC is built
    warnings: int = 0


class VideoExtension(BlocksExtension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "anchor_prefix": ["video-", "Prefix of every video's anchor (keeps them apart from heading ids)"],
            "frames": ["keep", "Other sites' frames (forms, maps, slides): 'keep' them as written, or 'link' (a link in their place)"],
            "toc": [True, "List each video without a heading of its own in the table of contents"],
            "mark": ["type:video", "The image text that makes ![type:video](URL) a video, as mkdocs-video's `mark`"],
            "muted": [False, "Players start muted"],
            "loop": [False, "Players loop"],
            "controls": [True, "Players show their controls"],
            "autoplay": [False, "Video files start playing when the page opens (a facade always starts on its click)"],
            "language": ["", "Language of the words on the page, such as de or pt-BR (empty: the theme's, else English)"],
            "messages": [{}, "The site's own wording of any message, by name (see mkdocs_postkit.messages)"],
        }
        self.messages = Messages()
        super().__init__(**kwargs)  # checks each option through `setConfig`
        self.page: PageContext | None = None
        # Set by a site generator that keeps thumbnails: a video -> (its image's path from the docs
        # folder, width, height), or None; used for players without a poster of their own.
        self.thumbnail: Callable[[Video], tuple[str, int, int] | None] | None = None
        self.state = DocumentState()

    def extendMarkdown(self, md: Markdown) -> None:
        had_slash = "/" in md.ESCAPED_CHARS
        super().extendMarkdown(md)
        md.registerExtension(self)
        self.reset()
        md.preprocessors.register(SourceLines(md, self, had_slash), "postkit_video_source", 100)
        # After inline Markdown (20) and attribute lists (8), before `toc` (5) and MkDocs' anchor
        # check (5), so that both see the players' ids.
        md.treeprocessors.register(EmbedTreeprocessor(md, self), "postkit_video", 6)
        md.treeprocessors.register(VideoToc(md, self), "postkit_video_toc", 4)
        if "rendering_context" in md.preprocessors:  # Zensical's page context (its extension comes first)
            from ..engines import zensical  # Zensical is imported only when it is the engine

            zensical.extend(md, self)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        block_mgr.register(VideoBlock, {"extension": self})

    def setConfig(self, key: str, value: Any) -> None:
        """Each option checked as it is set, and the words rebuilt: the engines set the site's
        language and messages after Markdown has built the extension (Zensical before each page)."""
        if key not in self.config:  # Python-Markdown's own failure is a bare KeyError: 'name'
            raise KeyError(f"mkdocs_postkit.video has no option {key!r}; its options are: {', '.join(self.config)}")
        try:
            super().setConfig(key, value)
        except ValueError as error:  # a yes/no option given something else
            raise ValueError(f"mkdocs_postkit.video: the option {key!r} must be true or false ({error})") from None
        value = self.getConfig(key)
        if key == "frames" and value not in FRAMES:
            raise ValueError(f"mkdocs_postkit.video: the option 'frames' must be {' or '.join(FRAMES)}, not {value!r}")
        if key == "language" and not isinstance(value, str):
            raise ValueError(f"mkdocs_postkit.video: the option 'language' must be a language code such as de or pt-BR, not {value!r}")
        if key == "messages" and not isinstance(value, Mapping):
            raise ValueError(
                f"mkdocs_postkit.video: the option 'messages' must be a mapping of message names to their wording, not {value!r}"
            )
        if key == "anchor_prefix":
            try:
                check_prefix(value)
            except ValueError as error:
                raise ValueError(f"mkdocs_postkit.video: the option 'anchor_prefix' {error}") from None
        if key in ("language", "messages"):
            try:
                self.messages = Messages(str(self.getConfig("language")), dict(self.getConfig("messages")))
            except MessageError as error:
                raise ValueError(f"mkdocs_postkit.video: the option 'messages': {error}") from None

    def reset(self) -> None:
        self.state = DocumentState()

    @property
    def playback(self) -> Playback:
        return Playback(*(bool(self.getConfig(name)) for name in ("muted", "loop", "controls", "autoplay")))

    def warn(self, message: str, needle: str = "") -> None:
        """Report an author mistake where the author can find it: file, and line where the source shows it."""
        state = self.state
        state.warnings += 1
        if state.warnings > MAX_WARNINGS:
            return
        where = self.page.src_path if self.page else ""
        line = state.locator.line_of(needle) if needle else None
        if line is not None:
            line += self.page.count_front_matter_lines() if self.page else 0
            where = f"{where}:{line}" if where else f"line {line}"
        if state.warnings == MAX_WARNINGS:
            message += f"; further video warnings on this page are not shown (there are at least {MAX_WARNINGS})"
        log.warning(f"postkit: {where + ': ' if where else ''}{message}.")

    def build(self, url: str, heading: str, needle: str, **options: Any) -> Video | None:
        """A checked `Video`, or None after a warning."""
        video = self._build(url, heading, needle, **options)
        if video is not None:
            # The source is searched forward from the last embed found, so that a later warning's
            # needle (`/// video` alone) is not met at an earlier embed that was valid.
            self.state.locator.line_of(needle)
        return video

    def _build(self, url: str, heading: str, needle: str, **options: Any) -> Video | None:
        title = options.pop("title", None)
        if title is None or (isinstance(title, str) and is_generic_title(title)):
            title = heading or None
        try:
            video = parse_video(url, self.playback, title=title, **options)
        except VideoError as error:
            self.warn(f"{error}", needle)
            return None
        found = self.thumbnail(video) if self.thumbnail is not None and not video.poster else None
        if found is not None:
            page_folder = posixpath.dirname(self.page.src_path) if self.page else ""
            video = replace(video, poster=posixpath.relpath(found[0], page_folder or "."), poster_size=found[1:])
        if self.page is None or self.page.resolve is None:
            return video  # outside MkDocs (Zensical): paths are used as written
        changes: dict[str, str] = {}
        for name, local in (("file_url", video.id if video.provider == "file" else ""), ("poster_url", video.poster)):
            if local and "://" not in local:
                resolved = self.page.resolve(local)
                if resolved is None:
                    self.warn(
                        f"the file {shorten(local)!r} does not exist; put it in docs/ or fix the path (relative to this page)", needle
                    )
                    return None
                changes[name] = resolved
        return replace(video, **changes) if changes else video  # type: ignore[arg-type]

    def anchor(self, title: str) -> str:
        """Derived from the title; made unique on the page by the caller."""
        return str(self.getConfig("anchor_prefix")) + (slugify(title[:200]) or "video")


class SourceLines(Preprocessor):
    """Keeps the page's lines for warnings (no copy, no change), and undoes the `\\/` escape
    that pymdownx Blocks adds, unless another Blocks extension needs it."""

    def __init__(self, md: Markdown, extension: VideoExtension, had_slash: bool) -> None:
        super().__init__(md)
        self.extension = extension
        self.had_slash = had_slash

    def run(self, lines: list[str]) -> list[str]:
        self.extension.state.locator = SourceLocator(lines)
        others = any(isinstance(e, BlocksExtension) and e is not self.extension for e in self.md.registeredExtensions)
        if not self.had_slash and not others and "/" in self.md.ESCAPED_CHARS:
            self.md.ESCAPED_CHARS.remove("/")
        return lines


class VideoBlock(Block):
    """`/// video | URL` with options `title`, `start`, `end`, `aspect`, `poster`; the body is the caption."""

    NAME = "video"
    ARGUMENT = None  # checked by `parse_video`, so that a missing URL gets a message
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {name: (None, type_any) for name in OPTIONS}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # pymdownx drops a block with an unknown option silently and shows it as
        # text; we keep it and let `parse_video` name the option instead.
        self.argument = arg or ""
        self.options: dict[str, Any] = {"attrs": {}}
        self.given = options
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        # The figure is the block (pymdownx moves content that leaks out of a block into it);
        # the body goes into its caption.
        extension: VideoExtension = self.config["extension"]
        figure = etree.SubElement(parent, "figure")
        etree.SubElement(figure, "figcaption")
        extension.state.blocks[figure] = PendingBlock(self.argument, self.given)
        return figure

    def on_add(self, block: etree.Element) -> etree.Element:
        caption = block.find("figcaption")
        return caption if caption is not None else block

    def on_end(self, block: etree.Element) -> None:
        caption = block.find("figcaption")
        if caption is not None and not len(caption) and not (caption.text or "").strip():
            block.remove(caption)  # no body, no caption


def makeExtension(**kwargs: Any) -> VideoExtension:
    return VideoExtension(**kwargs)
