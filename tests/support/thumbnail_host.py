"""A loopback stand-in for i.ytimg.com and Vimeo's oEmbed: a distinct JPEG for every video id, requests counted."""

from __future__ import annotations

import hashlib
import io
import json
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from mkdocs_postkit.thumbnails import ThumbnailCache
from mkdocs_postkit.video.sources import parse_video
from support.server import StaticServer, free_port


def colour_of(video_id: str) -> tuple[int, int, int]:
    """Each id's own colour, far from the facade's indigo and from black (YouTube's letterbox)."""
    digest = hashlib.sha256(video_id.encode()).digest()
    return (100 + digest[0] % 156, 100 + digest[1] % 156, digest[2] % 100)


def jpeg(video_id: str, size: tuple[int, int] = (480, 360)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour_of(video_id)).save(output, "JPEG", quality=90)
    return output.getvalue()


class _Handler(SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        parts = urlsplit(self.path)
        segments = parts.path.strip("/").split("/")
        if len(segments) == 3 and segments[0] == "vi" and segments[2] == "hqdefault.jpg":
            self._send(jpeg(segments[1]), "image/jpeg")
        elif parts.path == "/api/oembed.json":
            video_id = parse_qs(parts.query)["url"][0].rstrip("/").split("/")[3]
            host = f"http://{self.headers['Host']}"
            self._send(json.dumps({"type": "video", "thumbnail_url": f"{host}/vimeo-image/{video_id}"}).encode(), "application/json")
        elif segments[0] == "vimeo-image":
            self._send(jpeg(segments[1], (640, 360)), "image/jpeg")
        else:
            self.send_error(404)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class ThumbnailHost(StaticServer):
    """`with ThumbnailHost() as host:` serves thumbnails at `host.url`; `host.requests` lists the paths asked for."""

    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {"requests": []})
        super().__init__(Path("."), free_port(), handler)
        self.requests: list[str] = handler.requests

    def __enter__(self) -> ThumbnailHost:  # type: ignore[override]
        super().__enter__()
        return self


def fill_cache(folder: Path, video_ids: list[str]) -> None:
    """A thumbnail cache filled as `POSTKIT_FETCH_THUMBNAILS=true mkdocs build` fills it, from a loopback host."""
    with ThumbnailHost() as host:
        cache = ThumbnailCache(folder, youtube_from=host.url.rstrip("/"))
        for video_id in video_ids:
            cache.fetch(parse_video(f"https://youtu.be/{video_id}"))
