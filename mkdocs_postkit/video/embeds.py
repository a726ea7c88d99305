"""Find embeds where Python-Markdown put them, and put players in their place.

Runs on the element tree once Markdown has decided what is text and what is
HTML: images marked `type:video` are elements; pasted iframes are in the raw
HTML stash (a whole block, or one tag at a time inside a paragraph, list item,
admonition or table cell), read by `tokenizer`; `/// video` blocks are
figures that `VideoBlock` left empty. A player goes where a `<figure>` may
stand; in the middle of a sentence or a heading, an embed becomes a link.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..anchors import slugify, unique
from . import elements
from .sources import Video, clean_text, is_first_party, is_video_address, runs_script, shorten, title_option
from .tokenizer import FRAME_TAGS, Context, Frame, closes, find_frames, markdown_tag

if TYPE_CHECKING:
    from .extension import VideoExtension

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Containers that may hold a <figure> among their content (a paragraph is replaced by it instead).
FLOW = frozenset(
    {"li", "dd", "td", "th", "div", "blockquote", "section", "article", "aside", "details", "figure", "main", "header", "footer", "nav"}
)


@dataclass
class Placed:
    """A video put on the page, for its TOC entry and the site's list of videos."""

    title: str
    anchor: str
    heading: etree.Element | None  # the nearest heading above
    under_heading: bool  # the heading stands right above it with the same title


class EmbedTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: VideoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.state = self.extension.state
        self.taken = {anchor for element in root.iter() if (anchor := element.get("id"))}
        self.taken |= self.heading_ids_to_come(root)
        self.counters: dict[str, int] = {}
        self.heading: etree.Element | None = None
        self.heading_titles: dict[etree.Element, str] = {}
        self.mark = str(self.extension.getConfig("mark")).lower()
        self.link_frames = self.extension.getConfig("frames") == "link"
        self.stash = self.md.htmlStash.rawHtmlBlocks
        blocks = self.md.parser.blockprocessors["blocks"] if "blocks" in self.md.parser.blockprocessors else None  # noqa: SIM401 (a Registry)
        self.block_start = getattr(blocks, "start", None)
        self.removals: list[tuple[etree.Element, etree.Element]] = []
        self.context = Context()  # raw HTML left open by one stashed piece, for the next
        self.parents: dict[etree.Element, tuple[etree.Element, int]] = {}
        for event, parent, index, element in walk(root):
            if parent is None:
                continue  # the root
            if event == "tail":
                if isinstance(element.tag, str):  # not a comment
                    markdown_tag(self.context, element.tag, end=True)  # an <svg> in raw HTML may end here
                if element.tail and "\x02" in element.tail:
                    self.scan_slot(element, "tail", parent)
                continue
            self.parents[element] = (parent, index)
            if isinstance(element.tag, str):
                markdown_tag(self.context, element.tag)
            if element.tag in HEADINGS:
                self.heading = element
            if element in self.state.blocks:
                self.place_block(element)
            elif element.tag == "img" and (element.get("alt") or "").lower() == self.mark:
                self.place_image(parent, element)
            elif element.tag in FRAME_TAGS:
                self.place_frame_element(parent, element)
            elif element.tag == "p" and self.block_start is not None and (element.text or "").lstrip(" ").startswith("///"):
                self.failed_block(element)
            if element.text and "\x02" in element.text:
                self.scan_slot(element, "text", element)
        for parent, child in self.removals:
            parent.remove(child)

    # The three inputs.

    def place_block(self, figure: etree.Element) -> None:
        pending = self.state.blocks[figure]
        video = self.extension.build(pending.argument, self.heading_title(), pending.argument or "/// video", **pending.options)
        if video is None:
            figure.tag = "div"  # a link and the caption: no player to be a figure of
            stand_in = etree.Element("p")
            stand_in.append(
                elements.fallback(
                    pending.argument, title_option(pending.options.get("title")) or self.heading_title(), self.extension.messages
                )
            )
            figure.insert(0, stand_in)
            return
        anchor = self.unique(self.extension.anchor(elements.title_of(video, self.extension.messages)))
        figure.attrib.update(elements.figure_attributes(video, anchor, self.extension.messages))
        figure.insert(0, elements.player(video, self.extension.messages))
        self.placed(video, anchor, figure)

    def place_image(self, parent: etree.Element, image: etree.Element) -> None:
        url, title = image.get("src") or "", image.get("title")
        others = [child for child in parent if child is not image and not is_backref(child)]
        tail = (image.tail or "").replace(NBSP_PLACEHOLDER, "")  # the space before a footnote's link back
        alone = not (parent.text or "").strip() and not tail.strip() and not others
        if alone and self.holds_figure(parent):
            video = self.extension.build(url, self.heading_title(), url or "![", title=title)
            self.replace(parent, video, url, title or "", parent if parent.tag == "p" else image, image)
            return
        self.extension.warn(
            f"the video {shorten(url)!r} is inside a sentence or a heading, where a player cannot go, so it became a link; "
            f"put ![{self.mark}](…) on a line of its own",
            url,
        )
        # Inside a link, a link of its own would nest links: the address is shown as text instead.
        self.put(image, elements.fallback(url, title or "", self.extension.messages, in_link=self.inside_link(parent)))

    def place_frame_element(self, parent: etree.Element, frame: etree.Element) -> None:
        """A frame that `md_in_html` made an element of."""
        attributes = {name: str(value) for name, value in frame.attrib.items()}
        role = self.role(frame.tag, attributes)
        if role == "keep":
            return
        src = address(frame.tag, attributes)
        if role == "video" and self.holds_figure(parent):
            video = self.extension.build(src, self.heading_title(), src, title=attributes.get("title"))
            self.replace(parent, video, src, attributes.get("title") or "", frame, frame)
            return
        self.put(frame, self.frame_fallback(frame.tag, attributes, role, in_link=self.inside_link(parent)))

    def scan_slot(self, owner: etree.Element, attribute: str, container: etree.Element) -> None:
        """The raw HTML of one text (or tail): frames in it become players or links."""
        slot: str = getattr(owner, attribute)
        matches = list(HTML_PLACEHOLDER_RE.finditer(slot))
        entries = [self.entry(int(match[1])) for match in matches]
        # For each piece, the next one that is `</iframe>` or `</object>` (Markdown stashes inline tags one by one).
        next_end: list[dict[str, int]] = [{}] * len(matches)
        following: dict[str, int] = {}  # shared by the pieces before the next end tag: not copied per piece
        for index in range(len(matches) - 1, -1, -1):
            next_end[index] = following
            entry = entries[index]
            if entry is not None and entry.startswith("</"):
                for tag in ("iframe", "object"):
                    if closes(entry, tag):
                        following = {**following, tag: index}
        cuts: list[tuple[int, int]] = []  # spans of `slot` to drop (an inline iframe's text and end tag)
        index = 0
        while index < len(matches):
            match, entry, position = matches[index], entries[index], index
            index += 1
            if entry is None:
                continue
            frames = find_frames(entry, self.context)
            roles = [self.role(frame.tag, frame.attributes, frame) for frame in frames]
            if all(role == "keep" for role in roles):
                continue
            if self.context.raw_text == "iframe" and roles[-1] != "keep":
                self.context.raw_text = None  # that iframe is replaced: what follows is no longer its text
            first = frames[0]
            whole = len(frames) == 1 and not entry[: first.start].strip() and not entry[first.end :].strip()
            end = match
            closing = next_end[position].get(first.tag)
            if whole and not first.closed and closing is not None:
                end = matches[closing]  # `<iframe …>` … `</iframe>`: what stands between is its text (an object's, its fallback)
                index = closing + 1
            alone = attribute == "text" and not len(owner) and not (slot[: match.start()] + slot[end.end() :]).strip()
            if whole and roles[0] == "video" and alone and self.holds_figure(container) and container in self.parents:
                src, title = address(first.tag, first.attributes), first.attributes.get("title")
                video = self.extension.build(src, self.heading_title(), first.start_tag, title=title)
                owner.text = None
                self.replace(container, video, src, title or "", container if container.tag == "p" else None, None)
                return
            unwrapped = alone and container.tag == "p" and self.md.postprocessors["raw_html"].isblocklevel(entry)  # type: ignore[attr-defined]
            self.stash[int(match[1])] = self.rewrite(entry, frames, roles, unwrapped, container)
            if end is not match:
                self.stash[int(end[1])] = ""
                cuts.append((match.end(), end.start()))
        if cuts:
            pieces, last = [], 0
            for start, stop in cuts:
                pieces.append(slot[last:start])
                last = stop
            setattr(owner, attribute, "".join(pieces) + slot[last:])

    def entry(self, number: int) -> str | None:
        """A piece of raw HTML from Markdown's stash (None for what md_in_html keeps as elements)."""
        entry = self.stash[number] if number < len(self.stash) else None
        return entry if isinstance(entry, str) else None

    def failed_block(self, paragraph: etree.Element) -> None:
        """A `/// video` that pymdownx left as text: its options were not valid YAML."""
        assert self.block_start is not None
        match = self.block_start.match(paragraph.text or "")
        if match is None or match[2].lower() != "video" or paragraph not in self.parents:
            return
        parent, index = self.parents[paragraph]
        first_line = (paragraph.text or "").split("\n", 1)[0]
        self.extension.warn(
            "the options of this /// video block could not be read (they must be valid YAML); write one 'name: value' per line, "
            "indented by 4 spaces, and quote values that contain ': ', quotes or brackets",
            first_line,
        )
        stand_in = etree.Element("p")
        stand_in.append(elements.fallback((match[3] or "").strip(), self.heading_title(), self.extension.messages))
        self.put(paragraph, stand_in)
        for sibling in list(parent)[index + 1 : index + 50]:  # its closing line, left as a paragraph
            if sibling.tag == "p" and (sibling.text or "").strip() == match[1] and not len(sibling):
                self.removals.append((parent, sibling))
                break

    # Shared steps.

    def role(self, tag: str, attributes: dict[str, str], frame: Frame | None = None) -> str:
        """'video' (ours to convert), 'no player' (a video inside <pre>, <code> or <noscript>), 'script' (an
        address that runs script), 'link' (another site's frame, on a site that wants none) or 'keep'."""
        if frame is not None and frame.inert:
            return "keep"
        src = address(tag, attributes)
        if is_video_address(src):  # an <embed>, <object> or <frame> of one loads the host as an iframe would
            return "no player" if frame is not None and frame.no_player else "video"
        if runs_script(src):
            return "script"
        if self.link_frames and not (is_first_party(src) and "srcdoc" not in attributes):
            return "link"
        return "keep"

    def rewrite(self, source: str, frames: list[Frame], roles: list[str], unwrapped: bool, container: etree.Element) -> str:
        """`source` with each frame of `roles` replaced by a player or a link, at the frame's own bounds."""
        pieces, last = [], 0
        for frame, role in zip(frames, roles, strict=True):
            if role == "keep" or frame.start < last:  # an <embed> inside an <object> already replaced
                continue
            in_link = frame.in_link or self.inside_link(container)  # a raw <a>, or Markdown's link text
            pieces.append(source[last : frame.start])
            src, title = address(frame.tag, frame.attributes), frame.attributes.get("title") or ""
            if role == "video" and frame.player_fits and (unwrapped or frame.depth > 0):
                video = self.extension.build(src, self.heading_title(), frame.start_tag, title=title)
                if video is None:
                    pieces.append(elements.to_html(elements.fallback(src, title or self.heading_title(), self.extension.messages)))
                else:
                    anchor = self.unique(self.extension.anchor(elements.title_of(video, self.extension.messages)))
                    pieces.append(elements.to_html(elements.figure(video, anchor, self.extension.messages, raw=True)))
                    self.placed(video, anchor, None)
            elif role == "video":
                self.extension.warn(
                    f"the <{frame.tag}> {shorten(src)!r} is inside a sentence or a heading, where a player cannot go, so it became a link; "
                    "paste the embed code on lines of its own",
                    frame.start_tag,
                )
                pieces.append(elements.to_html(elements.fallback(src, title, self.extension.messages, in_link=in_link)))
            else:
                pieces.append(elements.to_html(self.frame_fallback(frame.tag, frame.attributes, role, frame.start_tag, in_link)))
            last = frame.end
        return "".join(pieces) + source[last:]

    def frame_fallback(self, tag: str, attributes: dict[str, str], role: str, needle: str = "", in_link: bool = False) -> etree.Element:
        src = address(tag, attributes)
        title = attributes.get("title") or ""
        needle = needle or src
        if role == "video":
            self.extension.warn(
                f"the <{tag}> {shorten(src)!r} cannot hold a player here, so it became a link; put it on lines of its own", needle
            )
        elif role == "no player":
            self.extension.warn(
                f"the <{tag}> {shorten(src)!r} is inside <pre>, <code> or <noscript>, where a player cannot go, so it became a link; "
                "move the embed code out of it, or write its < as &lt; to show it as code",
                needle,
            )
        elif role == "script":
            # Shown as text, never as a link: the address is the script.
            self.extension.warn(
                f"the <{tag}> {shorten(src)!r} has an address that runs script (javascript:, vbscript: or data:), so it was left out; "
                "give it an https:// address, or remove it",
                needle,
            )
        elif not src or "srcdoc" in attributes:
            self.extension.warn(
                f"the <{tag}> has {'its content in srcdoc' if 'srcdoc' in attributes else 'no address'}, "
                "which this site does not allow (frames: link), so a text stands in its place; "
                "remove it, or set the mkdocs_postkit.video option frames: keep",
                needle or f"<{tag}",
            )
        else:
            self.extension.warn(
                f"the <{tag}> {shorten(src)!r} shows content from outside this site, which this site does not allow (frames: link), "
                "so a link stands in its place; remove it, or set the mkdocs_postkit.video option frames: keep",
                needle or src,
            )
        video = role in ("video", "no player")
        return elements.fallback(src, title, self.extension.messages, in_link=in_link, video=video)

    def replace(
        self,
        container: etree.Element,
        video: Video | None,
        url: str,
        title: str,
        figure_at: etree.Element | None,
        link_at: etree.Element | None,
    ) -> None:
        """The player in place of `figure_at` (the paragraph, or the embed inside a list item or cell); for an
        invalid video, a link in place of `link_at` (the embed). None: at the end of `container`, now empty."""
        if video is None:
            stand_in = elements.fallback(url, title or self.heading_title(), self.extension.messages)
            if link_at is None:
                container.append(stand_in)
            else:
                self.put(link_at, stand_in)
            return
        anchor = self.unique(self.extension.anchor(elements.title_of(video, self.extension.messages)))
        figure = elements.figure(video, anchor, self.extension.messages)
        if figure_at is None:
            container.append(figure)
        elif len(figure_at) > 1 and figure_at.tag == "p":  # a footnote's paragraph keeps its link back
            parent, index = self.parents[figure_at]
            parent.insert(index, figure)
            self.shifted(parent, index)
            image = next(child for child in figure_at if not is_backref(child))
            figure_at.remove(image)
            figure_at.text = None
        else:
            self.put(figure_at, figure)
        self.placed(video, anchor, figure)

    def shifted(self, parent: etree.Element, index: int) -> None:
        """After an insertion at `index`, the positions the walk noted for later siblings move by one."""
        for position in range(index, len(parent)):
            self.parents[parent[position]] = (parent, position)

    def put(self, element: etree.Element, new: etree.Element) -> None:
        """`new` in `element`'s place, with its tail."""
        parent, index = self.parents[element]
        new.tail = element.tail
        parent[index] = new
        self.parents[new] = (parent, index)

    def placed(self, video: Video, anchor: str, figure: etree.Element | None) -> None:
        """Note a video put on the page (`figure`: its element, None when written into raw HTML)."""
        title = elements.title_of(video, self.extension.messages)
        parent, index = self.parents.get(figure, (None, 0)) if figure is not None else (None, 0)
        previous = parent[index - 1] if parent is not None and index else None
        under_heading = (
            previous is not None and previous is self.heading and not (previous.tail or "").strip() and self.heading_title() == title
        )
        self.state.placed.append(Placed(title, anchor, self.heading, under_heading))

    def inside_link(self, element: etree.Element) -> bool:
        while element is not None:
            if element.tag == "a":
                return True
            element = self.parents.get(element, (None, 0))[0]  # type: ignore[assignment]
        return False

    def holds_figure(self, container: etree.Element) -> bool:
        return container.tag == "p" or container.tag in FLOW

    def heading_ids_to_come(self, root: etree.Element) -> set[str]:
        """The ids `toc` will give headings that look like video anchors, so that a heading keeps its id."""
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None  # noqa: SIM401 (a Registry)
        prefix = slugify(str(self.extension.getConfig("anchor_prefix")))
        if toc is None or not prefix:
            return set()
        ids = set()
        for heading in root.iter():
            if heading.tag in HEADINGS and "id" not in heading.attrib and slugify("".join(heading.itertext())[:200]).startswith(prefix):
                name = strip_tags(render_inner_html(heading, self.md))
                ids.add(toc.slugify(unescape(name), toc.sep))  # type: ignore[attr-defined]
        return ids

    def heading_title(self) -> str:
        """The nearest heading's text, as the reader sees it (markup, icons and attribute lists gone)."""
        heading = self.heading
        if heading is None:
            return ""
        if heading not in self.heading_titles:
            label = heading.get("data-toc-label")
            html = label if label is not None else render_inner_html(remove_fnrefs(heading), self.md)
            self.heading_titles[heading] = clean_text(unescape(strip_tags(html)))
        return self.heading_titles[heading]

    def unique(self, anchor: str) -> str:
        return unique(anchor, self.taken, self.counters)


def address(tag: str, attributes: dict[str, str]) -> str:
    """What a frame loads: an <object>'s `data`, the others' `src`."""
    return attributes.get("data" if tag == "object" else "src") or ""


def is_backref(element: etree.Element) -> bool:
    """The link back from a footnote, which the `footnotes` extension adds to its last paragraph."""
    return element.tag == "a" and "footnote-backref" in (element.get("class") or "")


def walk(root: etree.Element) -> Iterator[tuple[str, etree.Element | None, int, etree.Element]]:
    """("open", parent, index, element) in page order, and ("tail", parent, index, element) after its children.

    A list made before any change, so that replacing an element does not disturb the walk.
    """
    events: list[tuple[str, etree.Element | None, int, etree.Element]] = []
    stack: list[tuple[etree.Element | None, int, etree.Element, bool]] = [(None, 0, root, False)]
    while stack:
        parent, index, element, closing = stack.pop()
        if closing:
            events.append(("tail", parent, index, element))
            continue
        events.append(("open", parent, index, element))
        stack.append((parent, index, element, True))
        stack.extend((element, i, child, False) for i, child in reversed(list(enumerate(element))))
    return iter(events)
