"""Turn what an author wrote (a URL and options) into a validated `Video`.

Everything here is pure: no Markdown, no MkDocs, no network. A mistake the
author can fix raises `VideoError` with a message that says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "youtu.be",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# The only hosts the page script may ever put into an iframe.
PLAYER_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
VIDEO_FILE_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".ogg": "video/ogg", ".mov": "video/quicktime"}
IMAGE_FILE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")
MAX_ASPECT = 10  # the widest or tallest player accepted, as width:height (cinema is 2.76:1, a phone 9:16)

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
LIST_ID = re.compile(r"[A-Za-z0-9_-]{2,80}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
# Digits are bounded, so that no input reaches int()'s limit on long numbers.
TIME = re.compile(r"(?:(?P<h>\d{1,6})h)?(?:(?P<m>\d{1,7})m)?(?:(?P<s>\d{1,9})s?)?")
MAX_SECONDS = 10**7  # about 115 days: longer than any video
ASPECT = re.compile(r"(?P<w>\d{1,4}(?:\.\d{1,3})?)\s*[:/x]\s*(?P<h>\d{1,4}(?:\.\d{1,3})?)")
# What browsers drop or fold in a URL (so that `\x01//host` would lead off-site), and what would end an attribute.
UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>`\\]")
# What browsers strip from both ends of a URL before reading it.
URL_TRIM = "".join(chr(c) for c in range(0x21))
HOSTS_HINT = "use a youtube.com, youtu.be or vimeo.com address, or the path of a video file"
SCALARS = (str, int, float, bool)


class VideoError(ValueError):
    """An author mistake in a video embed; the message says how to fix it."""


@dataclass(frozen=True)
class Playback:
    """Site-wide player settings (mkdocs-video's `video_muted`, `video_loop`, …)."""

    muted: bool = False
    loop: bool = False
    controls: bool = True
    autoplay: bool = False  # for <video>; a player made by a click always starts


@dataclass(frozen=True)
class Video:
    """One video, validated: where it lives and how to show it."""

    provider: str  # "youtube", "vimeo" or "file"
    id: str  # YouTube or Vimeo id ("" for a YouTube playlist alone), or the file's address as written
    title: str = ""
    start: int = 0
    end: int = 0
    aspect: tuple[float, float] = (16, 9)
    poster: str = ""
    unlisted_hash: str = ""  # Vimeo's private-link token
    playlist: str = ""  # YouTube's `list=`
    playback: Playback = Playback()
    # Where a file and a poster written as paths are served, seen from the built page ("": as written).
    # Links and images in the page keep the written path, which MkDocs rewrites and checks itself.
    file_url: str = ""
    poster_url: str = ""
    poster_size: tuple[int, int] | None = None  # known for a cached thumbnail: the <img> reserves its box

    # Ids, hashes, list ids and times are validated to letters, digits, `-` and `_`: nothing to encode in these URLs.

    @property
    def watch_url(self) -> str:
        """The page a reader without JavaScript (or on paper) is sent to."""
        if self.provider == "youtube":
            if not self.id:
                return f"https://www.youtube.com/playlist?list={self.playlist}"
            listed = f"&list={self.playlist}" if self.playlist else ""
            return f"https://www.youtube.com/watch?v={self.id}{listed}" + (f"&t={self.start}s" if self.start else "")
        if self.provider == "vimeo":
            path = f"{self.id}/{self.unlisted_hash}" if self.unlisted_hash else self.id
            return f"https://vimeo.com/{path}" + (f"#t={self.start}s" if self.start else "")
        return self.id

    @property
    def embed_url(self) -> str:
        """The player the facade becomes on click; always on a `PLAYER_HOSTS` host."""
        play = self.playback
        if self.provider == "youtube":
            query = ["autoplay=1", "playsinline=1"]  # playsinline: iOS plays in the page, not full screen
            if self.playlist:
                query.append(f"list={self.playlist}")
            if self.start:
                query.append(f"start={self.start}")
            if self.end:
                query.append(f"end={self.end}")
            if play.muted:
                query.append("mute=1")
            if play.loop:
                query.append("loop=1" + (f"&playlist={self.id}" if self.id and not self.playlist else ""))
            if not play.controls:
                query.append("controls=0")
            return f"https://www.youtube-nocookie.com/embed/{self.id or 'videoseries'}?" + "&".join(query)
        if self.provider == "vimeo":
            query = ["autoplay=1", "dnt=1"]
            if self.unlisted_hash:
                query.append(f"h={self.unlisted_hash}")
            if play.muted:
                query.append("muted=1")
            if play.loop:
                query.append("loop=1")
            if not play.controls:
                query.append("controls=0")
            return f"https://player.vimeo.com/video/{self.id}?" + "&".join(query) + (f"#t={self.start}s" if self.start else "")
        return ""

    @property
    def provider_name(self) -> str:
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider, "video file")

    @property
    def kind(self) -> str:
        """What the reader is offered, for the default title: a video or a playlist."""
        return "playlist" if self.provider == "youtube" and self.playlist and not self.id else "video"


def as_browsers_read(url: str) -> str:
    """An address as browsers read it: tabs and line breaks dropped, spaces and controls trimmed, `\\` as `/`."""
    return re.sub(r"[\t\n\r]", "", url).strip(URL_TRIM).replace("\\", "/")


def is_video_address(url: str) -> bool:
    """Whether an iframe's `src` is postkit's to convert: a known video host, or a video file.

    Anything else (a form, a map, slides, a look-alike host) is not a video and stays the author's.
    """
    url = as_browsers_read(url)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    if parts.scheme.lower() in ("http", "https") or url.startswith("//"):
        return host in YOUTUBE_HOSTS or host in VIMEO_HOSTS or _file_suffix(parts.path) in VIDEO_FILE_TYPES
    return not parts.scheme and _file_suffix(parts.path) in VIDEO_FILE_TYPES


def runs_script(src: str) -> bool:
    """A frame's address that runs script or holds the page itself: javascript:, vbscript:, data:."""
    return as_browsers_read(src).lower().startswith(("javascript:", "vbscript:", "data:"))


def is_first_party(src: str) -> bool:
    """A frame's address on the site itself: a path, neither another scheme nor another host."""
    src = as_browsers_read(src)
    if not src or src.startswith("//"):
        return False
    try:
        return not urlsplit(src).scheme
    except ValueError:
        return False


def parse_time(value: object, option: str = "start") -> int:
    """Seconds from `90`, `"90"`, `"1m30s"` or `"1h2m3s"`."""
    if isinstance(value, bool) or not isinstance(value, SCALARS):
        raise VideoError(f"'{option}' must be a time such as 90 or 1m30s")
    if isinstance(value, int):
        if value < 0:
            raise VideoError(f"'{option}' must not be negative; give a time such as 90 or 1m30s")
        seconds = value
    else:
        text = str(value).strip().lower()
        match = TIME.fullmatch(text)
        if not text or match is None:
            hint = "; times count from the start and cannot be negative" if text.startswith("-") else ""
            raise VideoError(f"'{option}' must be a time such as 90 or 1m30s, not {shorten(str(value))!r}{hint}")
        h, m, s = (int(match[g] or 0) for g in "hms")
        seconds = h * 3600 + m * 60 + s
    if seconds > MAX_SECONDS:
        raise VideoError(f"'{option}' is longer than any video ({shorten(str(value))!r}); give a time such as 90 or 1m30s")
    return seconds


def parse_aspect(value: object) -> tuple[float, float]:
    """`16:9`, `9/16` or `4x3` as a (width, height) pair."""
    if isinstance(value, bool) or not isinstance(value, SCALARS):
        raise VideoError("'aspect' must be a ratio such as 16:9 or 9:16")
    if isinstance(value, int) and 60 <= value < 10**6:
        # YAML 1.1 (the block options) reads an unquoted 16:9 as the base-60 number 969.
        value = f"{value // 60}:{value % 60}"
    match = ASPECT.fullmatch(str(value).strip())
    if match is None or not float(match["w"]) or not float(match["h"]):
        raise VideoError(f"'aspect' must be a ratio such as 16:9 or 9:16, not {shorten(str(value))!r}")
    w, h = float(match["w"]), float(match["h"])
    if not MAX_ASPECT**-1 <= w / h <= MAX_ASPECT:  # a strip, not a player: a typo, or YAML reading 99:1:1 as a number
        raise VideoError(
            f"'aspect' must be a ratio from 1:{MAX_ASPECT} to {MAX_ASPECT}:1 such as 16:9 or 9:16, not {shorten(str(value))!r} "
            '(write it in quotes, aspect: "16:9", if YAML read it otherwise)'
        )
    return (int(w) if w.is_integer() else w, int(h) if h.is_integer() else h)


def parse_video(url: str, playback: Playback = Playback(), **options: object) -> Video:
    """Validate a video address and its options; raises `VideoError`."""
    url = url.strip(URL_TRIM)
    if not url:
        raise VideoError(f"the video has no address; {HOSTS_HINT}")
    if UNSAFE_IN_URL.search(url):
        raise VideoError(
            f"the video address {shorten(url)!r} contains a character that is not allowed in a URL (a quote, angle bracket, "
            f"backslash, space or control character); {HOSTS_HINT}"
        )
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number
    except ValueError as error:  # e.g. "Invalid IPv6 URL" for https://[
        raise VideoError(f"the video address {shorten(url)!r} is not a valid URL ({error}); {HOSTS_HINT}") from None
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        raise VideoError(f"'{shorten(scheme, 20)}:' addresses cannot be embedded ({shorten(url)!r}); {HOSTS_HINT}")
    if scheme == "http":
        raise VideoError(f"the video address {shorten(url)!r} is not https; write https://")
    if url.startswith("//"):
        raise VideoError(f"the video address {shorten(url)!r} has no scheme; write https://")
    host = (parts.hostname or "").rstrip(".").lower()
    if scheme and (parts.username or parts.password or port):
        raise VideoError(f"the video address {shorten(url)!r} must not carry a user name, password or port; {HOSTS_HINT}")
    if host in YOUTUBE_HOSTS:
        video = _parse_youtube(host, parts.path, parse_qs(parts.query), url)
    elif host in VIMEO_HOSTS:
        video = _parse_vimeo(host, parts.path, parse_qs(parts.query), url)
    elif not scheme or _file_suffix(parts.path) in VIDEO_FILE_TYPES:
        video = _parse_file(url, parts.path)
    else:
        raise VideoError(f"{shorten(host) or 'an empty host'!r} is not a video host postkit knows ({shorten(url)!r}); {HOSTS_HINT}")
    return _apply_options(replace(video, playback=playback), options)


def _parse_youtube(host: str, path: str, query: dict[str, list[str]], url: str) -> Video:
    segments = [s for s in path.split("/") if s]
    playlist = _first(query, "list")
    if playlist and not LIST_ID.fullmatch(playlist):
        raise VideoError(
            f"{shorten(playlist)!r} in {shorten(url)!r} is not a YouTube playlist id; copy the link again from YouTube's Share button"
        )
    shorts = False
    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else ""
    elif segments == ["watch"]:
        candidate = _first(query, "v")
    elif segments in (["playlist"], ["embed", "videoseries"]) and playlist:
        return Video("youtube", "", playlist=playlist)
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
        candidate, shorts = segments[1], segments[0] == "shorts"
    else:
        raise VideoError(
            f"{shorten(url)!r} is not a link to a YouTube video or playlist; use the address of the video's page (watch?v=…), "
            "its Share link (youtu.be/…), a playlist's address (playlist?list=…) or the embed code"
        )
    if not YOUTUBE_ID.fullmatch(candidate):
        raise VideoError(
            f"{shorten(candidate)!r} in {shorten(url)!r} is not a YouTube video id (11 letters, digits, - or _); copy the link again from YouTube's Share button"
        )
    # `si=` and other tracking parameters are dropped; only times and the playlist are kept.
    start = parse_time(_first(query, "t", "start") or 0, "start")
    end = parse_time(_first(query, "end") or 0, "end")
    return Video("youtube", candidate, start=start, end=end, aspect=(9, 16) if shorts else (16, 9), playlist=playlist)


def _parse_vimeo(host: str, path: str, query: dict[str, list[str]], url: str) -> Video:
    segments = [s for s in path.split("/") if s]
    if host == "player.vimeo.com":
        segments = segments[1:] if segments[:1] == ["video"] else []
    if not segments or not VIMEO_ID.fullmatch(segments[0]) or len(segments) > 2:
        raise VideoError(f"{shorten(url)!r} is not a link to one Vimeo video; use an address such as https://vimeo.com/76979871")
    unlisted = segments[1] if len(segments) == 2 else _first(query, "h")
    if unlisted and not VIMEO_HASH.fullmatch(unlisted):
        raise VideoError(f"{shorten(unlisted)!r} in {shorten(url)!r} is not a Vimeo private-link token; copy the link again from Vimeo")
    return Video("vimeo", segments[0], unlisted_hash=unlisted)


def _parse_file(url: str, path: str) -> Video:
    if _file_suffix(path) not in VIDEO_FILE_TYPES:
        raise VideoError(f"{shorten(url)!r} is neither a video address nor a video file ({', '.join(VIDEO_FILE_TYPES)}); {HOSTS_HINT}")
    return Video("file", url)


def _file_suffix(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def file_type(video: Video) -> str:
    """The MIME type of a video file, from its name."""
    return VIDEO_FILE_TYPES[_file_suffix(urlsplit(video.id).path)]


def _apply_options(video: Video, options: dict[str, object]) -> Video:
    # Every faulty option is said at once (joined by "; "), so that one build shows the author all of them.
    errors = []
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        names = ", ".join(repr(shorten(str(name))) for name in unknown)
        errors.append(f"unknown option {names}; the options are {', '.join(OPTIONS)}")
    changes: dict[str, object] = {}
    for name, parse in OPTION_PARSERS.items():
        value = options.get(name)
        if value is None:
            continue
        # A list or mapping (a YAML alias can make one of a billion items) is refused before it is read.
        if not isinstance(value, SCALARS):
            errors.append(f"'{name}' must be a single value, not a list or mapping")
            continue
        try:
            changes[name] = parse(value)
        except VideoError as error:
            errors.append(str(error))
    if errors:
        raise VideoError("; ".join(errors))
    video = replace(video, **changes)  # type: ignore[arg-type]
    if video.end and video.end <= video.start:
        raise VideoError(f"'end' ({video.end}s) must come after 'start' ({video.start}s)")
    if video.provider == "vimeo" and video.end:
        raise VideoError("Vimeo players do not support 'end'; remove it")
    return video


def parse_poster(value: str) -> str:
    """A poster is a local image, or an https image the author opts into."""
    value = value.strip(URL_TRIM)
    if UNSAFE_IN_URL.search(value) or not value:
        raise VideoError(f"'poster' must be the path of an image or an https URL, not {shorten(value)!r}")
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:  # e.g. https://[
        scheme = "invalid"
    if scheme not in ("", "https") or value.startswith("//"):
        raise VideoError(f"'poster' must be the path of an image in docs/ or an https URL, not {shorten(value)!r}")
    if not value.split("?")[0].lower().endswith(IMAGE_FILE_TYPES):
        raise VideoError(f"'poster' {shorten(value)!r} is not an image ({', '.join(IMAGE_FILE_TYPES)})")
    return value


def title_option(value: object) -> str:
    """A block's `title` as the stand-in of a refused video shows it: "" unless it is a single value
    (a YAML list or mapping is already a warning; its Python repr is no title)."""
    return clean_text(str(value)) if isinstance(value, SCALARS) else ""


def clean_text(text: str) -> str:
    """A title as one line of text: control characters dropped, white space folded."""
    return " ".join(CONTROL.sub("", text).split())


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_link(url: str) -> bool:
    """A valid https address that can stand in an href as written."""
    if not url.lower().startswith("https://") or UNSAFE_IN_URL.search(url):
        return False
    try:
        return bool(urlsplit(url).hostname) and urlsplit(url).port is None
    except ValueError:  # e.g. https://[
        return False


def _first(query: dict[str, list[str]], *names: str) -> str:
    for name in names:
        if query.get(name):
            return query[name][0]
    return ""


def shorten(text: str, limit: int = 80) -> str:
    """Keep warnings readable when an author pastes something huge."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The block options, each with what reads it (raises VideoError).
OPTION_PARSERS: dict[str, Callable[[object], object]] = {
    "title": title_option,
    "start": lambda value: parse_time(value, "start"),
    "end": lambda value: parse_time(value, "end"),
    "aspect": parse_aspect,
    "poster": lambda value: parse_poster(str(value)),
}
OPTIONS = tuple(OPTION_PARSERS)
