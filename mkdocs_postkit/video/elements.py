"""The HTML postkit writes, built as ElementTree elements.

Nothing here formats markup by hand: titles and addresses go into element
text and attributes, and Python-Markdown's serializer escapes them, so no
input can open or close an element. `&` is escaped here first, because that
serializer leaves `&lt;` and other entity-like text as it is.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.serializers import to_html_string

from ..messages import Messages
from .sources import Video, file_type, safe_link, shorten

GENERIC_TITLES = {"", "youtube video player", "vimeo video player", "video", "youtube video", "video player"}


def is_generic_title(title: str) -> bool:
    """YouTube's embed code names every player alike; such a title says nothing."""
    return title.strip().lower() in GENERIC_TITLES


def title_of(video: Video, messages: Messages) -> str:
    if video.title:
        return video.title
    if video.provider == "file":
        return messages("untitled_file")
    return messages("untitled_playlist" if video.kind == "playlist" else "untitled", host=video.provider_name)


def text(value: str) -> str:
    """`value` as the serializer must receive it to write it back as the same text."""
    return value.replace("&", "&amp;")


def figure(video: Video, anchor: str, messages: Messages, raw: bool = False) -> etree.Element:
    """A `<figure>` holding the player of one valid video.

    `raw`: for raw HTML, where MkDocs does not rewrite links, so every path is the served one.
    """
    element = etree.Element("figure", figure_attributes(video, anchor, messages))
    element.append(player(video, messages, raw))
    return element


def figure_attributes(video: Video, anchor: str, messages: Messages) -> dict[str, str]:
    kind = " postkit-video--file" if video.provider == "file" else ""
    return {"class": "postkit-video" + kind, "data-title": text(title_of(video, messages)), "id": text(anchor)}


def player(video: Video, messages: Messages, raw: bool = False) -> etree.Element:
    """The part of the figure that plays: a facade link, or a `<video>` for files.

    The facade carries the words the script and the print stylesheet show
    (`data-label`, `data-print`), so that neither holds any text of its own.
    """
    title = title_of(video, messages)
    if video.provider == "file":
        return _file_player(video, title, messages, raw)
    attributes = {"class": "postkit-video__facade", "href": text(video.watch_url), "data-embed": text(video.embed_url)}
    attributes |= {"data-label": text(messages("play", title=title)), "data-print": text(messages("print"))}
    link = etree.Element("a", attributes)
    _set_aspect(link, video)
    if video.poster:
        etree.SubElement(
            link,
            "img",
            {
                "class": "postkit-video__poster",
                "src": text(video.poster_url if raw and video.poster_url else video.poster),
                "alt": "",
                "loading": "lazy",
                "decoding": "async",
            }
            | ({"width": str(video.poster_size[0]), "height": str(video.poster_size[1])} if video.poster_size else {}),
        )
    # As few elements as can be styled (the play button is drawn by CSS): every page's
    # search indexing parses each one. The space keeps title and host apart in text.
    # Not in the search index: a hit shows the video's title, not where it plays.
    host = etree.SubElement(link, "span", {"class": "postkit-video__host", "data-search-exclude": ""})
    host.text = text(messages("watch", host=video.provider_name))
    if len(link) > 1:
        link[0].tail = text(title) + " "
    else:
        link.text = text(title) + " "
    return link


def _file_player(video: Video, title: str, messages: Messages, raw: bool) -> etree.Element:
    play = video.playback
    attributes = {"class": "postkit-video__player", "preload": "none", "aria-label": text(title)}
    for name, on in (("controls", play.controls), ("muted", play.muted), ("loop", play.loop), ("autoplay", play.autoplay)):
        if on:
            attributes[name] = name
    if video.poster:
        attributes["poster"] = text(video.poster_url or video.poster)
    element = etree.Element("video", attributes)
    _set_aspect(element, video)
    served = video.file_url or video.id
    address = served.split("#")[0]
    if video.start or video.end:
        address += f"#t={video.start}" + (f",{video.end}" if video.end else "")
    etree.SubElement(element, "source", {"src": text(address), "type": file_type(video)})
    download = etree.SubElement(element, "a", {"href": text(served if raw else video.id)})
    download.text = text(messages("download", title=title))
    return element


def _set_aspect(element: etree.Element, video: Video) -> None:
    if video.aspect != (16, 9):
        # A custom property, so that the stylesheet can also cap tall players at the viewport's height.
        element.set("style", f"--postkit-aspect: {video.aspect[0]} / {video.aspect[1]}")


def fallback(url: str, label: str, messages: Messages, in_link: bool = False, video: bool = True) -> etree.Element:
    """An inline stand-in for an embed that cannot be a player: never a frame.

    An https address stays a link (the reader can still follow it); anything
    else is shown as text only, because its scheme may run script. Inside a
    link (`in_link`), only the label: links do not nest. `video` is false for
    another site's frame (a map, a form), which is not called a video.
    """
    unavailable, unavailable_at = ("unavailable", "unavailable_at") if video else ("frame_unavailable", "frame_unavailable_at")
    if video and is_generic_title(label):
        label = messages("video")
    elif not video and not label.strip():
        label = messages("frame")
    if in_link:
        element = etree.Element("span", {"class": "postkit-video-fallback"})
        element.text = text(label)
        return element
    if safe_link(url):
        element = etree.Element("a", {"class": "postkit-video-fallback", "href": text(url)})
        element.text = text(label)
        return element
    element = etree.Element("span", {"class": "postkit-video-fallback"})
    if not url:
        element.text = text(messages(unavailable, title=label))
        return element
    # The address is shown as code: split the message around it (no markup is formatted as text).
    marker = "\0"
    before, _, after = messages(unavailable_at, title=label.replace(marker, ""), address=marker).partition(marker)
    element.text = text(before)
    code = etree.SubElement(element, "code")
    code.text = text(shorten(url))
    code.tail = text(after)
    return element


def to_html(element: etree.Element) -> str:
    """Serialized for raw HTML: `'` escaped too, so it stays text inside any attribute it might land in."""
    return to_html_string(element).replace("'", "&#39;")
