"""The site with its thumbnail cache filled (from a loopback host), built by MkDocs and by Zensical: four different
pictures, served by the site, and still no request to another host before the click."""

from __future__ import annotations

import io
import os

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image
from playwright.sync_api import expect

from support.server import StaticServer, free_port
from support.sites import copy_project
from support.thumbnail_host import colour_of, fill_cache
from support.zensical import zensical_build

VIDEOS = [
    ("v-zudK5KnWY", "Key Lessons from LLM Training"),
    ("SBV5VTQrlDs", "Why We're Building Foundation Models at Genentech"),
    ("4zGIRsnrTk8", "Challenges in Training Biomedical LLMs"),
    ("eIj_DNemEyg", "Infrastructure and GPU Challenges"),
]


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def thumbnail_site(request, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("thumbs") / "project")
    fill_cache(project / "overrides/assets/postkit/thumbnails", [video_id for video_id, _ in VIDEOS])  # the site's cache
    port = free_port()
    if request.param == "mkdocs":
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), site_url=f"http://127.0.0.1:{port}/"))
    else:  # Zensical runs no plugin: the Markdown extension reads the same cache through the Zensical adapter
        result = zensical_build(project, "-f", "mkdocs.yml", env=os.environ | {"SITE_URL": f"http://127.0.0.1:{port}/"})
        assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(project / "site", port) as url:
        yield url


def close(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 14) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_each_facade_shows_its_own_thumbnail_from_the_site_and_nothing_else_is_asked_before_the_click(page, thumbnail_site):
    page.goto(thumbnail_site + "videos/")
    posters = page.locator("img.postkit-video__poster")
    expect(posters).to_have_count(4)
    for index, (video_id, _) in enumerate(VIDEOS):
        facade = page.locator(".postkit-video__facade").nth(index)
        facade.scroll_into_view_if_needed()
        poster = posters.nth(index)
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=poster.element_handle())
        assert poster.evaluate("img => img.currentSrc") == f"{thumbnail_site}assets/postkit/thumbnails/youtube/{video_id}.jpg"
        assert poster.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [480, 360]
        assert poster.bounding_box() == facade.bounding_box(), "the picture covers the facade, which keeps its size"
        # Painted, under the title: a corner of the facade away from the title and the play button has its colour.
        shot = Image.open(io.BytesIO(facade.screenshot()))
        corner = shot.getpixel((shot.width // 6, shot.height // 6))
        assert close(corner, colour_of(video_id)), (video_id, corner, colour_of(video_id))
    assert page.watch.third_party == [], "thumbnails come from the site itself"

    page.get_by_role("button", name=f"Play video: {VIDEOS[2][1]}").click()
    player = page.locator("figure.postkit-video").nth(2).locator("iframe")
    src = f"https://www.youtube-nocookie.com/embed/{VIDEOS[2][0]}?autoplay=1&playsinline=1"
    expect(player).to_have_attribute("src", src)
    page.wait_for_timeout(100)
    assert page.watch.third_party == [src], "the click requests that player, and only it"
    assert page.watch.console_errors == []


def test_without_a_thumbnail_the_facade_is_the_plain_tile_of_the_same_size(page, site_url, thumbnail_site):
    """The project's own build has an empty cache: no image, and the facade's box does not depend on one."""
    page.goto(site_url + "videos/")
    expect(page.locator(".postkit-video__facade")).to_have_count(4)
    assert page.locator("img.postkit-video__poster").count() == 0
    plain = page.locator(".postkit-video__facade").first.bounding_box()
    page.goto(thumbnail_site + "videos/")
    pictured = page.locator(".postkit-video__facade").first.bounding_box()
    assert (plain["width"], plain["height"]) == (pictured["width"], pictured["height"])
    assert page.watch.third_party == []
