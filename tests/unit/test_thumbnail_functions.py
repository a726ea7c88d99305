"""The thumbnail cache on its own: image headers, cache names, fetching from a loopback server, the report."""

from __future__ import annotations

import io
import json
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import markdown
import pytest
from PIL import Image

from mkdocs_postkit import thumbnails
from mkdocs_postkit.thumbnails import ThumbnailCache, ThumbnailError, image_size, key_of
from mkdocs_postkit.video import VideoExtension
from mkdocs_postkit.video.sources import parse_video
from support.server import StaticServer, free_port


def picture(width: int, height: int, kind: str = "JPEG", progressive: bool = False) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(output, kind, **({"progressive": True} if progressive else {}))
    return output.getvalue()


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (picture(480, 360), (480, 360, ".jpg")),
        (picture(640, 360, progressive=True), (640, 360, ".jpg")),
        (picture(320, 180, "PNG"), (320, 180, ".png")),
        (b"<html>Not found</html>", None),
        (b"\xff\xd8\xff\xe0\x00", None),  # a JPEG cut off in its first segment
        (picture(480, 360)[:20], None),  # cut off before the frame header
        (b"\xff\xd8\xff\xe0\x00\x00", None),  # a segment length that would not move on
        (picture(8, 8, "GIF"), None),
    ],
)
def test_image_size_reads_jpeg_and_png_headers_and_refuses_anything_else(data, size):
    assert image_size(data) == size


def test_only_youtube_and_vimeo_videos_with_an_id_have_a_cache_name():
    assert key_of(parse_video("https://youtu.be/v-zudK5KnWY")) == "youtube/v-zudK5KnWY"
    assert key_of(parse_video("https://vimeo.com/76979871/8272103f6e")) == "vimeo/76979871"
    assert key_of(parse_video("https://www.youtube.com/playlist?list=PL1234567890")) is None
    assert key_of(parse_video("clip.mp4")) is None


def test_a_cached_image_inside_a_copied_folder_is_served_at_its_path_below_it(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "overrides"
    image = theme / "assets/postkit/thumbnails/youtube/v-zudK5KnWY.jpg"
    assert thumbnails.served_path(image, (docs, theme)) == "assets/postkit/thumbnails/youtube/v-zudK5KnWY.jpg"
    assert thumbnails.served_path(docs / "thumbs/vimeo/1.jpg", (str(docs), None)) == "thumbs/vimeo/1.jpg"
    assert thumbnails.served_path(tmp_path / "thumbnails/youtube/x.jpg", (docs, theme, None)) is None
    assert thumbnails.served_path(docs / "../thumbnails/x.jpg", (docs,)) is None  # not inside, though written from it
    (tmp_path / "thumbnails").mkdir()
    (docs).mkdir()
    (docs / "linked").symlink_to(tmp_path / "thumbnails")  # Zensical does not copy a linked folder
    assert thumbnails.served_path(docs / "linked/x.jpg", (docs,)) is None


@pytest.mark.parametrize("value", ["i.ytimg.com", "ftp://i.ytimg.com", "https://", "https://i.ytimg.com/?x=1", "javascript:alert(1)"])
def test_a_thumbnail_address_must_be_http_or_https(value):
    with pytest.raises(ValueError, match="thumbnails_youtube"):
        thumbnails.check_address("thumbnails_youtube", value)
    assert thumbnails.check_address("x", "http://127.0.0.1:8/base/") == "http://127.0.0.1:8/base"


def test_a_bad_thumbnail_address_is_told_the_example_of_its_own_option():
    with pytest.raises(ValueError) as vimeo:
        thumbnails.check_address("thumbnails_vimeo", "javascript:alert(1)")
    assert "such as https://vimeo.com, not 'javascript:alert(1)'" in str(vimeo.value) and "ytimg" not in str(vimeo.value)
    with pytest.raises(ValueError) as youtube:
        thumbnails.check_address("thumbnails_youtube", "javascript:alert(1)")
    assert "such as https://i.ytimg.com, not" in str(youtube.value)


class Host(SimpleHTTPRequestHandler):
    """Stands in for i.ytimg.com and Vimeo's oEmbed: `routes` maps a path (with query) to (status, body)."""

    routes: ClassVar[dict[str, tuple[int, bytes]]] = {}
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        status, body = self.routes.get(self.path, (404, b"missing"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def host():
    Host.routes, Host.seen = {}, []
    with StaticServer(Path("."), free_port(), Host) as url:
        yield url.rstrip("/")


def test_fetch_writes_a_youtube_thumbnail_once_into_the_cache(tmp_path, host):
    Host.routes["/vi/v-zudK5KnWY/hqdefault.jpg"] = (200, picture(480, 360))
    cache = ThumbnailCache(tmp_path / "thumbs", youtube_from=host)
    video = parse_video("https://www.youtube.com/embed/v-zudK5KnWY?si=token")
    assert cache.get("youtube/v-zudK5KnWY") is None
    thumbnail = cache.fetch(video)
    assert (thumbnail.name, thumbnail.width, thumbnail.height) == ("youtube/v-zudK5KnWY.jpg", 480, 360)
    assert (tmp_path / "thumbs/youtube/v-zudK5KnWY.jpg").read_bytes() == Host.routes["/vi/v-zudK5KnWY/hqdefault.jpg"][1]
    assert list((tmp_path / "thumbs/youtube").iterdir()) == [tmp_path / "thumbs/youtube/v-zudK5KnWY.jpg"], "no partial file is left"
    # A new build reads it from the folder, without the network.
    assert ThumbnailCache(tmp_path / "thumbs", youtube_from="http://127.0.0.1:9").get("youtube/v-zudK5KnWY") == thumbnail
    assert Host.seen == ["/vi/v-zudK5KnWY/hqdefault.jpg"]


def test_fetch_reads_vimeos_oembed_answer_for_the_image(tmp_path, host):
    Host.routes["/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F76979871&width=640"] = (
        200,
        json.dumps({"thumbnail_url": f"{host}/video/452001751-d_640", "thumbnail_width": 640}).encode(),
    )
    Host.routes["/video/452001751-d_640"] = (200, picture(640, 360))
    thumbnail = ThumbnailCache(tmp_path, vimeo_from=host).fetch(parse_video("https://vimeo.com/76979871"))
    assert (thumbnail.name, thumbnail.width, thumbnail.height) == ("vimeo/76979871.jpg", 640, 360)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        ({"title": "private"}, "names no thumbnail"),
        ({"thumbnail_url": "https://evil.example/x.jpg"}, "unexpected host"),
        ({"thumbnail_url": "http://i.vimeocdn.com/x.jpg"}, "unexpected host"),
    ],
)
def test_a_vimeo_answer_without_a_trusted_image_is_an_error(tmp_path, host, answer, error):
    Host.routes["/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F76979871&width=640"] = (200, json.dumps(answer).encode())
    with pytest.raises(ThumbnailError, match=error):
        ThumbnailCache(tmp_path, vimeo_from=host).fetch(parse_video("https://vimeo.com/76979871"))


def test_fetch_errors_say_what_went_wrong_and_leave_the_cache_as_it_was(tmp_path, host):
    video = parse_video("https://youtu.be/v-zudK5KnWY")
    with pytest.raises(ThumbnailError, match="answered 404"):
        ThumbnailCache(tmp_path, youtube_from=host).fetch(video)
    Host.routes["/vi/v-zudK5KnWY/hqdefault.jpg"] = (200, b"<html>a login page</html>")
    with pytest.raises(ThumbnailError, match="not a JPEG or PNG"):
        ThumbnailCache(tmp_path, youtube_from=host).fetch(video)
    with pytest.raises(ThumbnailError, match="could not be reached"):
        ThumbnailCache(tmp_path, youtube_from=f"http://127.0.0.1:{free_port()}").fetch(video)
    assert list(tmp_path.iterdir()) == []


def test_the_report_names_each_missing_video_its_pages_and_the_way_to_fetch_them():
    missing = {"youtube/v-zudK5KnWY": ["videos.md", "videos.md", "b.md"], "vimeo/1": ["a.md"]}
    report = thumbnails.missing_report(missing, {}, "thumbnails", fetching=False)
    assert report.startswith("2 video(s) have no thumbnail in thumbnails/")
    assert "youtube/v-zudK5KnWY (videos.md, b.md); vimeo/1 (a.md)" in report
    assert "thumbnails_fetch: true" in report
    failed = thumbnails.missing_report(missing, {"vimeo/1": "x answered 404"}, "thumbnails", fetching=True)
    assert "vimeo/1 (a.md): x answered 404" in failed and "check the network" in failed


def test_the_extension_gives_a_thumbnail_to_a_facade_without_a_poster_and_keeps_an_authors_poster():
    extension = VideoExtension()
    extension.thumbnail = lambda video: (f"assets/t/{video.id}.jpg", 480, 360)
    html = markdown.markdown(
        "![type:video](https://youtu.be/v-zudK5KnWY)\n\n/// video | https://youtu.be/SBV5VTQrlDs\n    poster: mine.jpg\n///\n",
        extensions=[extension],
    )
    assert (
        '<img alt="" class="postkit-video__poster" decoding="async" height="360" loading="lazy" src="assets/t/v-zudK5KnWY.jpg" width="480"'
        in html
    )
    assert 'src="mine.jpg"' in html and "SBV5VTQrlDs.jpg" not in html
