"""Turn what an author wrote (a URL and options) into a validated `Video`.

Everything here is pure: no Markdown, no MkDocs, no network. A mistake the
author can fix raises `VideoError` with a message that says what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# The only hosts the page script may ever put into an iframe.
PLAYER_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
VIDEO_FILE_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".ogg": "video/ogg", ".mov": "video/quicktime"}
IMAGE_FILE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
TIME = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?")
ASPECT = re.compile(r"(?P<w>\d{1,4}(?:\.\d{1,3})?)\s*[:/x]\s*(?P<h>\d{1,4}(?:\.\d{1,3})?)")
UNSAFE_URL_CHARACTERS = "\"'<>`\\ \t\n\r"
HOSTS_HINT = "use a youtube.com, youtu.be or vimeo.com address, or the path of a video file in docs/"


class VideoError(ValueError):
    """An author mistake in a video embed; the message says how to fix it."""


@dataclass(frozen=True)
class Video:
    """One video, validated: where it lives and how to show it."""

    provider: str  # "youtube", "vimeo" or "file"
    id: str  # YouTube or Vimeo id, or the file's path as written
    title: str = ""
    start: int = 0
    end: int = 0
    aspect: tuple[float, float] = (16, 9)
    poster: str = ""
    unlisted_hash: str = ""  # Vimeo's private-link token

    # Ids, hashes and times are validated to letters, digits, `-` and `_`: nothing to encode in these URLs.

    @property
    def watch_url(self) -> str:
        """The page a reader without JavaScript (or on paper) is sent to."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.id}" + (f"&t={self.start}s" if self.start else "")
        if self.provider == "vimeo":
            path = f"{self.id}/{self.unlisted_hash}" if self.unlisted_hash else self.id
            return f"https://vimeo.com/{path}" + (f"#t={self.start}s" if self.start else "")
        return self.id

    @property
    def embed_url(self) -> str:
        """The player the facade becomes on click; always on a `PLAYER_HOSTS` host."""
        if self.provider == "youtube":
            times = (f"&start={self.start}" if self.start else "") + (f"&end={self.end}" if self.end else "")
            return f"https://www.youtube-nocookie.com/embed/{self.id}?autoplay=1{times}"
        if self.provider == "vimeo":
            token = f"&h={self.unlisted_hash}" if self.unlisted_hash else ""
            return f"https://player.vimeo.com/video/{self.id}?autoplay=1&dnt=1{token}" + (f"#t={self.start}s" if self.start else "")
        return ""

    @property
    def provider_name(self) -> str:
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider, "video file")


def parse_time(value: object, option: str = "start") -> int:
    """Seconds from `90`, `"90"`, `"1m30s"` or `"1h2m3s"`."""
    if isinstance(value, bool):
        raise VideoError(f"'{option}' must be a time such as 90 or 1m30s, not {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise VideoError(f"'{option}' must not be negative ({value}); give a time such as 90 or 1m30s")
        return value
    text = str(value).strip().lower()
    match = TIME.fullmatch(text)
    if not text or match is None:
        hint = "; times count from the start and cannot be negative" if text.startswith("-") else ""
        raise VideoError(f"'{option}' must be a time such as 90 or 1m30s, not {shorten(str(value))!r}{hint}")
    h, m, s = (int(match[g] or 0) for g in "hms")
    return h * 3600 + m * 60 + s


def parse_aspect(value: object) -> tuple[float, float]:
    """`16:9`, `9/16` or `4x3` as a (width, height) pair."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 60:
        # YAML 1.1 (the block options) reads an unquoted 16:9 as the base-60 number 969.
        value = f"{value // 60}:{value % 60}"
    match = ASPECT.fullmatch(str(value).strip())
    if match is None or not float(match["w"]) or not float(match["h"]):
        raise VideoError(f"'aspect' must be a ratio such as 16:9 or 9:16, not {shorten(str(value))!r}")
    w, h = float(match["w"]), float(match["h"])
    return (int(w) if w.is_integer() else w, int(h) if h.is_integer() else h)


def parse_video(url: str, **options: object) -> Video:
    """Validate a video address and its options; raises `VideoError`."""
    url = url.strip()
    if not url:
        raise VideoError(f"the video has no address; {HOSTS_HINT}")
    if any(ch in url for ch in UNSAFE_URL_CHARACTERS):
        raise VideoError(
            f"the video address {shorten(url)!r} contains a character that is not allowed in a URL (quote, angle bracket, backslash or space); {HOSTS_HINT}"
        )
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number
    except ValueError as error:  # e.g. "Invalid IPv6 URL" for https://[
        raise VideoError(f"the video address {shorten(url)!r} is not a valid URL ({error}); {HOSTS_HINT}") from None
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        raise VideoError(f"'{scheme}:' addresses cannot be embedded ({shorten(url)!r}); {HOSTS_HINT}")
    if scheme == "http":
        raise VideoError(f"the video address {shorten(url)!r} is not https; write https://")
    if url.startswith("//"):
        raise VideoError(f"the video address {shorten(url)!r} has no scheme; write https://")
    if not scheme:
        video = _parse_file(url)
    else:
        host = (parts.hostname or "").lower()
        if parts.username or parts.password or port:
            raise VideoError(f"the video address {shorten(url)!r} must not carry a user name, password or port; {HOSTS_HINT}")
        if host in YOUTUBE_HOSTS or host == "youtu.be":
            video = _parse_youtube(host, parts.path, parse_qs(parts.query), url)
        elif host in VIMEO_HOSTS:
            video = _parse_vimeo(host, parts.path, parse_qs(parts.query), url)
        else:
            raise VideoError(f"{shorten(host) or 'an empty host'!r} is not a video host postkit knows ({shorten(url)!r}); {HOSTS_HINT}")
    return _apply_options(video, options)


def _parse_youtube(host: str, path: str, query: dict[str, list[str]], url: str) -> Video:
    segments = [s for s in path.split("/") if s]
    shorts = False
    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else ""
    elif segments == ["watch"]:
        candidate = query.get("v", [""])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
        candidate, shorts = segments[1], segments[0] == "shorts"
    else:
        raise VideoError(
            f"{shorten(url)!r} is not a link to one YouTube video; use the address of the video's page (watch?v=…), its Share link (youtu.be/…) or its embed code"
        )
    if not YOUTUBE_ID.fullmatch(candidate):
        raise VideoError(
            f"{shorten(candidate)!r} in {shorten(url)!r} is not a YouTube video id (11 letters, digits, - or _); copy the link again from YouTube's Share button"
        )
    # `si=` and other tracking parameters are dropped; only times are kept.
    start = parse_time(_first(query, "t", "start") or 0, "start")
    end = parse_time(_first(query, "end") or 0, "end")
    return Video("youtube", candidate, start=start, end=end, aspect=(9, 16) if shorts else (16, 9))


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


def _parse_file(path: str) -> Video:
    clean = path.split("#")[0].split("?")[0]
    suffix = "." + clean.rsplit(".", 1)[-1].lower() if "." in clean else ""
    if suffix not in VIDEO_FILE_TYPES:
        raise VideoError(f"{shorten(path)!r} is neither a video address nor a video file ({', '.join(VIDEO_FILE_TYPES)}); {HOSTS_HINT}")
    return Video("file", path)


def _apply_options(video: Video, options: dict[str, object]) -> Video:
    known = {"title", "start", "end", "aspect", "poster"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise VideoError(
            f"unknown option {', '.join(repr(shorten(str(name))) for name in unknown)}; the options are {', '.join(sorted(known))}"
        )
    changes: dict[str, object] = {}
    if options.get("title") is not None:
        changes["title"] = " ".join(str(options["title"]).split())
    if options.get("start") is not None:
        changes["start"] = parse_time(options["start"], "start")
    if options.get("end") is not None:
        changes["end"] = parse_time(options["end"], "end")
    if options.get("aspect") is not None:
        changes["aspect"] = parse_aspect(options["aspect"])
    if options.get("poster") is not None:
        changes["poster"] = parse_poster(str(options["poster"]))
    video = replace(video, **changes)  # type: ignore[arg-type]
    if video.end and video.end <= video.start:
        raise VideoError(f"'end' ({video.end}s) must come after 'start' ({video.start}s)")
    if video.provider == "vimeo" and video.end:
        raise VideoError("Vimeo players do not support 'end'; remove it")
    return video


def parse_poster(value: str) -> str:
    """A poster is a local image, or an https image the author opts into."""
    value = value.strip()
    if any(ch in value for ch in UNSAFE_URL_CHARACTERS) or not value:
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


def _first(query: dict[str, list[str]], *names: str) -> str:
    for name in names:
        if query.get(name):
            return query[name][0]
    return ""


def shorten(text: str, limit: int = 80) -> str:
    """Keep warnings readable when an author pastes something huge."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
