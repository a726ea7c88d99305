"""First-party thumbnails in real builds: filled from a loopback host, then built from the cache alone."""

from __future__ import annotations

import logging
import posixpath
import shutil

from mkdocs.exceptions import Abort
from PIL import Image

from support.safety import elements
from support.sites import build_site, main_content, warnings_of
from support.thumbnail_host import ThumbnailHost, colour_of, jpeg

PAGES = {
    "index.md": """
        # Talks

        ## Key Lessons from LLM Training
        <iframe width="560" height="315" src="https://www.youtube.com/embed/v-zudK5KnWY?si=f7BZyGd_1_S7zS3F" title="YouTube video player" frameborder="0" allowfullscreen></iframe>

        ![type:video](https://vimeo.com/76979871)

        <div class="grid" markdown="0">
        <iframe src="https://www.youtube.com/embed/SBV5VTQrlDs" title="In raw HTML"></iframe>
        </div>

        ![type:video](clip.mp4)
        """,
    "notes/deep.md": "# Deep\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n",
    "clip.mp4": "",
}
CACHED = {"youtube/v-zudK5KnWY.jpg": (480, 360), "vimeo/76979871.jpg": (640, 360), "youtube/SBV5VTQrlDs.jpg": (480, 360)}


def config(host: str, fetch: bool = True) -> str:
    return (
        "plugins:\n  - postkit:\n      thumbnails: true\n      previews: true\n"
        f"      thumbnails_fetch: {str(fetch).lower()}\n      thumbnails_youtube: {host}\n      thumbnails_vimeo: {host}\n"
    )


def close(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 14) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def posters(site, page: str) -> list[dict[str, str]]:
    """The facades' images of a built page, each with the site file its address leads to."""
    html = main_content((site / page).read_text("utf-8"))
    found = [img for img in elements(html, "img") if img.get("class") == "postkit-video__poster"]
    folder = posixpath.dirname(page)
    for img in found:
        img["file"] = posixpath.normpath(posixpath.join(folder, img["src"]))
    return found


def test_thumbnails_are_fetched_once_then_built_from_the_cache_with_the_host_gone(tmp_path, caplog):
    with ThumbnailHost() as host:
        site = build_site(tmp_path, PAGES, config(host.url), strict=True)
        fetched = sorted(host.requests)
    assert warnings_of(caplog) == []
    assert fetched == sorted(
        [
            "/vi/v-zudK5KnWY/hqdefault.jpg",  # once, though two pages show it
            "/vi/SBV5VTQrlDs/hqdefault.jpg",
            "/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F76979871&width=640",
            "/vimeo-image/76979871",
        ]
    )
    cache = tmp_path / "thumbnails"
    assert sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()) == sorted(CACHED)
    assert (cache / "youtube/v-zudK5KnWY.jpg").read_bytes() == jpeg("v-zudK5KnWY")

    def check(site) -> None:
        images = posters(site, "index.html")
        assert [img["file"] for img in images] == [f"assets/postkit/thumbnails/{name}" for name in CACHED], "the raw HTML one too"
        for img, (name, (width, height)) in zip(images, CACHED.items(), strict=True):
            assert (site / img["file"]).read_bytes() == (cache / name).read_bytes()
            assert (img["width"], img["height"]) == (str(width), str(height))
            assert (img["alt"], img["loading"], img["decoding"]) == ("", "lazy", "async")
        [deep] = posters(site, "notes/deep/index.html")
        assert deep["src"] == "../../assets/postkit/thumbnails/youtube/v-zudK5KnWY.jpg"
        assert (site / deep["file"]).is_file()
        assert "poster" not in main_content((site / "index.html").read_text("utf-8")).split("clip.mp4")[0].rsplit("<video", 1)[-1]

    check(site)
    first = (site / "index.html").read_bytes()
    # The page's preview image shows its first video's thumbnail (in the right part, beside the title).
    preview = Image.open(site / "assets/postkit/previews/index.png").convert("RGB")
    assert close(preview.getpixel((1200 - 80 - 280, 315)), colour_of("v-zudK5KnWY"))
    deep = Image.open(site / "assets/postkit/previews/notes/deep/index.png").convert("RGB")
    assert close(deep.getpixel((1200 - 80 - 280, 315)), colour_of("v-zudK5KnWY"))

    # The host is gone (a request would fail and warn): the cache alone makes the same site.
    shutil.rmtree(site)
    caplog.clear()
    site = build_site(tmp_path, PAGES, config(host.url), strict=True)
    assert warnings_of(caplog) == []
    check(site)
    assert (site / "index.html").read_bytes() == first


def test_without_fetching_a_missing_thumbnail_is_one_info_line_and_the_facade_stays_plain(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    site = build_site(tmp_path, PAGES, config("http://127.0.0.1:9", fetch=False), strict=True)
    assert warnings_of(caplog) == []
    assert posters(site, "index.html") == []
    assert "postkit-video__facade" in (site / "index.html").read_text("utf-8")
    [report] = [r.getMessage() for r in caplog.records if "no thumbnail" in r.getMessage()]
    assert "3 video(s) have no thumbnail in thumbnails/" in report
    assert "youtube/v-zudK5KnWY (index.md, notes/deep.md)" in report and "vimeo/76979871 (index.md)" in report
    assert "thumbnails_fetch: true" in report
    assert not (site / "assets/postkit/thumbnails").exists()


def test_a_fetch_that_fails_is_one_warning_naming_the_videos_and_strict_stops(tmp_path, caplog):
    (tmp_path / "thumbnails/youtube").mkdir(parents=True)
    (tmp_path / "thumbnails/youtube/v-zudK5KnWY.jpg").write_bytes(jpeg("v-zudK5KnWY"))
    with ThumbnailHost() as host:
        pass  # a free port, nothing listening
    site = build_site(tmp_path, PAGES, config(host.url))
    [warning] = warnings_of(caplog)
    assert "2 video(s) have no thumbnail" in warning and "could not be reached" in warning and "check the network" in warning
    assert "youtube/SBV5VTQrlDs (index.md)" in warning and "v-zudK5KnWY" not in warning
    assert [img["file"] for img in posters(site, "index.html")] == ["assets/postkit/thumbnails/youtube/v-zudK5KnWY.jpg"]
    try:
        build_site(tmp_path, PAGES, config(host.url), strict=True)
    except Abort:
        pass
    else:
        raise AssertionError("a fetch that was asked for and failed fails --strict")


def test_thumbnails_are_off_unless_asked_and_the_addresses_are_checked(tmp_path, caplog):
    (tmp_path / "thumbnails/youtube").mkdir(parents=True)
    (tmp_path / "thumbnails/youtube/v-zudK5KnWY.jpg").write_bytes(jpeg("v-zudK5KnWY"))
    caplog.set_level(logging.INFO)
    site = build_site(tmp_path, PAGES, strict=True)
    assert posters(site, "index.html") == []
    assert [r.getMessage() for r in caplog.records if "no thumbnail" in r.getMessage()] == []
    caplog.clear()
    try:
        build_site(tmp_path, PAGES, config("i.ytimg.com"))
    except Abort:
        [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert "'thumbnails_youtube' must be an http(s) address such as https://i.ytimg.com, not 'i.ytimg.com' (mkdocs.yml)" in error
    else:
        raise AssertionError("a bad address stops the build")


def test_a_cache_inside_docs_is_served_where_it_is_and_copied_once(tmp_path, caplog):
    """Both engines copy docs/ into the site as it is, so such a cache needs no copy of its own (Zensical relies on it).
    A thumbnail fetched during the build is not among the files MkDocs found: the plugin adds it at the same place."""
    cache = tmp_path / "docs/media/thumbs"
    (cache / "youtube").mkdir(parents=True)
    (cache / "youtube/v-zudK5KnWY.jpg").write_bytes(jpeg("v-zudK5KnWY"))
    with ThumbnailHost() as host:
        site = build_site(tmp_path, PAGES, config(host.url) + "      thumbnails_cache: docs/media/thumbs\n", strict=True)
        fetched = sorted(host.requests)
    assert warnings_of(caplog) == []
    assert "/vi/v-zudK5KnWY/hqdefault.jpg" not in fetched and "/vi/SBV5VTQrlDs/hqdefault.jpg" in fetched
    images = posters(site, "index.html")
    assert [img["file"] for img in images] == [f"media/thumbs/{name}" for name in CACHED]
    for img in images:
        assert (site / img["file"]).read_bytes() == (tmp_path / "docs" / img["file"]).read_bytes()
    [deep] = posters(site, "notes/deep/index.html")
    assert deep["src"] == "../../media/thumbs/youtube/v-zudK5KnWY.jpg"
    assert not (site / "assets/postkit/thumbnails").exists()
