"""First-party video thumbnails: a cache folder the author commits, filled on request.

Pure of MkDocs and Markdown: the plugin asks `ThumbnailCache.get` for each
video it places, and the facade shows what it returns. Nothing is fetched
unless the caller asks (`ThumbnailCache.fetch`); a build without network reads
the cache alone. Layout: `<cache>/youtube/<id>.jpg`, `<cache>/vimeo/<id>.jpg`
(or `.png`), the file names made of validated ids only.
"""

from __future__ import annotations

import json
import os
import struct
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from .video.sources import Video, shorten

PROVIDERS = ("youtube", "vimeo")
SUFFIXES = (".jpg", ".png")
MAX_BYTES = 2_000_000  # a thumbnail is tens of kilobytes; anything this large is not one
TIMEOUT = 10  # seconds per request
YOUTUBE_FROM = "https://i.ytimg.com"
VIMEO_FROM = "https://vimeo.com"
# The host Vimeo's oEmbed answer names for its images (an answer from the configured address is trusted too).
VIMEO_IMAGE_HOSTS = (".vimeocdn.com",)


class ThumbnailError(Exception):
    """A thumbnail that could not be fetched; the message says why."""


@dataclass(frozen=True)
class Thumbnail:
    """One cached image: `name` is its path inside the cache (and below the site's thumbnail folder)."""

    name: str
    path: Path
    width: int
    height: int


def key_of(video: Video) -> str | None:
    """The cache name without suffix (`youtube/<id>`), or None for what has no thumbnail (a file, a playlist alone)."""
    if video.provider in PROVIDERS and video.id:
        return f"{video.provider}/{video.id}"
    return None


def served_path(path: Path, folders: Iterable[str | Path | None]) -> str | None:
    """Where a cached image already is in the site: its path below the first of `folders` that holds it.

    The folders are those an engine copies into the site as they are (docs_dir, the theme's custom_dir);
    MkDocs and Zensical both do, so a cache inside one is served at the same address by both. None when
    the image is in none of them (Zensical then cannot serve it; MkDocs copies it below `assets/postkit/`)."""
    image = path.resolve()
    for folder in folders:
        if folder:
            try:
                return image.relative_to(Path(folder).resolve()).as_posix()
            except ValueError:
                continue
    return None


def image_size(data: bytes) -> tuple[int, int, str] | None:
    """(width, height, suffix) of a PNG or baseline/progressive JPEG, read from its header; None otherwise."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height, ".png") if width and height else None
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        # Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if position + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return (width, height, ".jpg") if width and height else None
        if length < 2:
            return None
        position += 2 + length
    return None


def check_address(name: str, value: str) -> str:
    """A thumbnail source setting: an http(s) address without query; returned without its trailing slash."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        example = VIMEO_FROM if "vimeo" in name else YOUTUBE_FROM  # each option's own default
        raise ValueError(f"'{name}' must be an http(s) address such as {example}, not {shorten(value)!r}")
    return value.rstrip("/")


@dataclass
class ThumbnailCache:
    """The cache folder, read once per build; `fetch` adds to it."""

    folder: Path
    youtube_from: str = YOUTUBE_FROM
    vimeo_from: str = VIMEO_FROM
    found: dict[str, Thumbnail | None] = field(default_factory=dict)

    def get(self, key: str) -> Thumbnail | None:
        if key not in self.found:
            self.found[key] = self._read(key)
        return self.found[key]

    def _read(self, key: str) -> Thumbnail | None:
        for suffix in SUFFIXES:
            path = self.folder / (key + suffix)
            if path.is_file():
                size = image_size(path.read_bytes()[:65536])
                if size is not None:
                    return Thumbnail(key + suffix, path, size[0], size[1])
        return None

    def fetch(self, video: Video) -> Thumbnail:
        """Download `video`'s thumbnail into the cache; raises `ThumbnailError`."""
        key = key_of(video)
        if key is None:
            raise ThumbnailError("this video has no thumbnail")
        if video.provider == "youtube":
            # hqdefault (480x360) exists for every video; maxresdefault does not.
            data = download(f"{self.youtube_from}/vi/{video.id}/hqdefault.jpg")
        else:
            data = download(self._vimeo_image(video))
        size = image_size(data)
        if size is None:
            raise ThumbnailError("the answer is not a JPEG or PNG image")
        path = self.folder / (key + size[2])
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        os.replace(partial, path)  # never a half-written file in the cache
        thumbnail = Thumbnail(key + size[2], path, size[0], size[1])
        self.found[key] = thumbnail
        return thumbnail

    def _vimeo_image(self, video: Video) -> str:
        """The image address from Vimeo's oEmbed answer (public videos, and unlisted ones with their hash)."""
        page = f"https://vimeo.com/{video.id}" + (f"/{video.unlisted_hash}" if video.unlisted_hash else "")
        answer = download(f"{self.vimeo_from}/api/oembed.json?url={quote(page, safe='')}&width=640")
        try:
            image = json.loads(answer)["thumbnail_url"]
        except (ValueError, KeyError, TypeError):
            raise ThumbnailError("Vimeo's answer names no thumbnail (is the video private?)") from None
        parts = urlsplit(image) if isinstance(image, str) else None
        trusted = parts is not None and (
            (parts.scheme == "https" and (parts.hostname or "").endswith(VIMEO_IMAGE_HOSTS))
            or (parts.scheme, parts.netloc) == urlsplit(self.vimeo_from)[:2]
        )
        if not trusted:
            raise ThumbnailError(f"Vimeo's answer names an image on an unexpected host ({shorten(str(image))!r})")
        return str(image)


def download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "mkdocs-postkit", "Accept": "image/jpeg,image/png,application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise ThumbnailError(f"{shorten(url)} answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ThumbnailError(f"{shorten(url)} could not be reached ({reason})") from None
    if len(data) > MAX_BYTES:
        raise ThumbnailError(f"{shorten(url)} sent more than {MAX_BYTES} bytes")
    return data


def missing_report(missing: dict[str, list[str]], failed: dict[str, str], folder: str, fetching: bool) -> str:
    """One message for the build's end: which videos have no thumbnail, and how to get them."""
    lines = []
    for key in missing:  # in the order pages use them
        where = ", ".join(dict.fromkeys(missing[key]))
        lines.append(f"{key} ({where})" + (f": {failed[key]}" if key in failed else ""))
    if fetching:
        advice = "check the network and the thumbnails_youtube / thumbnails_vimeo addresses, then build again"
    else:
        advice = f"to fetch them once, build with the postkit option thumbnails_fetch: true (needs network), then commit {folder}/"
    return f"{len(lines)} video(s) have no thumbnail in {folder}/ and show a plain tile: {'; '.join(lines)}; {advice}."
