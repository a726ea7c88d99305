"""The HTML of a video: a facade that is a plain link until the script upgrades it.

Strings in, strings out. Every value that reaches an attribute or text goes
through `html.escape`, and only addresses built by `sources.Video` are used.
"""

from __future__ import annotations

from html import escape

from .sources import UNSAFE_URL_CHARACTERS, VIDEO_FILE_TYPES, Video, shorten

GENERIC_TITLES = {"", "youtube video player", "vimeo video player", "video", "youtube video", "video player"}


def is_generic_title(title: str) -> bool:
    """YouTube's embed code names every player alike; such a title says nothing."""
    return title.strip().lower() in GENERIC_TITLES


def title_of(video: Video) -> str:
    return video.title or f"{video.provider_name} video"


def figure_attributes(video: Video, anchor: str) -> dict[str, str]:
    """Attributes of the `<figure>`, unescaped (the caller escapes or uses etree)."""
    kind = " postkit-video--file" if video.provider == "file" else ""
    return {"class": "postkit-video" + kind, "data-title": title_of(video), "id": anchor}


def render_video(video: Video, anchor: str, caption_html: str = "") -> str:
    """A `<figure>` for one valid video; `caption_html` is already-rendered HTML."""
    attributes = " ".join(f'{name}="{escape(value)}"' for name, value in figure_attributes(video, anchor).items())
    caption = f"<figcaption>{caption_html}</figcaption>" if caption_html else ""
    return f"<figure {attributes}>{render_player(video)}{caption}</figure>"


def render_player(video: Video) -> str:
    """The part of the figure that plays: a facade link, or a `<video>` for files."""
    title = title_of(video)
    aspect = "" if video.aspect == (16, 9) else f' style="aspect-ratio: {video.aspect[0]} / {video.aspect[1]}"'
    if video.provider == "file":
        return _render_file(video, title, aspect)
    poster = (
        f'<img class="postkit-video__poster" src="{escape(video.poster)}" alt="" loading="lazy" decoding="async">' if video.poster else ""
    )
    return (
        f'<a class="postkit-video__facade" href="{escape(video.watch_url)}"{aspect}'
        f' data-embed="{escape(video.embed_url)}">'
        # As few elements as can be styled (the play button is drawn by CSS): every page's
        # search indexing parses each one. The space keeps title and host apart in text.
        f"{poster}{escape(title)} "
        f'<span class="postkit-video__host">Watch on {video.provider_name}</span>'
        "</a>"
    )


def _render_file(video: Video, title: str, aspect: str) -> str:
    suffix = "." + video.id.split("?")[0].split("#")[0].rsplit(".", 1)[-1].lower()
    poster = f' poster="{escape(video.poster)}"' if video.poster else ""
    fragment = ""
    if video.start or video.end:
        fragment = f"#t={video.start}" + (f",{video.end}" if video.end else "")
    src = escape(video.id.split("#")[0] + fragment)
    return (
        f'<video class="postkit-video__player" controls preload="none"{poster}{aspect} aria-label="{escape(title)}">'
        f'<source src="{src}" type="{VIDEO_FILE_TYPES[suffix]}">'
        f'<a href="{escape(video.id)}">Download the video: {escape(title)}</a>'
        "</video>"
    )


def render_fallback(url: str, title: str) -> str:
    """Inline HTML for a video that could not be converted: never an iframe.

    An https address stays a link (the reader can still follow it); anything
    else is shown as text only, because its scheme may run script.
    """
    label = escape(title if not is_generic_title(title) else "Video")
    if url.lower().startswith("https://") and not any(ch in url for ch in UNSAFE_URL_CHARACTERS):
        return f'<a class="postkit-video-fallback" href="{escape(url)}">{label}</a>'
    detail = f": <code>{escape(shorten(url))}</code>" if url else ""
    return f'<span class="postkit-video-fallback">{label} (video unavailable{detail})</span>'
