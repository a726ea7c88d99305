"""The four facades in a real browser: private until the click, then the right nocookie player."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import watched_page
from support.instant import click_instantly
from support.server import StaticServer, free_port
from support.sites import build_site

ASSETS = Path(__file__).parents[2] / "mkdocs_postkit" / "assets"
VIDEOS = [
    ("v-zudK5KnWY", "Key Lessons from LLM Training"),
    ("SBV5VTQrlDs", "Why We're Building Foundation Models at Genentech"),
    ("4zGIRsnrTk8", "Challenges in Training Biomedical LLMs"),
    ("eIj_DNemEyg", "Infrastructure and GPU Challenges"),
]


def player_of(page, index):
    return page.locator("figure.postkit-video").nth(index).locator("iframe")


@pytest.mark.parametrize("key", ["click", "Enter", " "])
def test_each_facade_becomes_the_right_player(page, site_url, key):
    page.goto(site_url + "videos/")
    for index, (video_id, title) in enumerate(VIDEOS):
        button = page.get_by_role("button", name=f"Play video: {title}")
        expect(button).to_have_count(1)
        assert page.watch.third_party == [], "nothing is requested before the reader asks"
        if key == "click":
            button.click()
        else:
            button.focus()
            page.keyboard.press(key)
        player = player_of(page, index)
        src = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&playsinline=1"
        expect(player).to_have_attribute("src", src)
        expect(player).to_have_attribute("title", title)
        expect(player).to_have_attribute("referrerpolicy", "strict-origin-when-cross-origin")
        expect(player).to_have_attribute("allowfullscreen", "")
        assert "autoplay" in player.get_attribute("allow") and "encrypted-media" in player.get_attribute("allow")
        assert page.evaluate("document.activeElement.tagName") == "IFRAME", "focus moves into the player"
        page.wait_for_timeout(100)
        assert page.watch.third_party == [src], "the click requests that player, and only it"
        page.watch.reset()
    assert page.watch.console_errors == []


def test_the_facade_has_a_visible_keyboard_focus(page, site_url):
    page.goto(site_url + "videos/")
    page.locator("h1").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('postkit-video__facade')"):
            break
    else:
        pytest.fail("Tab never reached a video")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_a_player_reached_by_instant_navigation_plays(page, site_url, built_site):
    page.goto(site_url)
    sidebar_link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Video Insights").first
    click_instantly(page, sidebar_link, site_url + "videos/", built_site, "videos/")
    page.get_by_role("button", name=f"Play video: {VIDEOS[1][1]}").click()
    expect(player_of(page, 1)).to_have_attribute("src", f"https://www.youtube-nocookie.com/embed/{VIDEOS[1][0]}?autoplay=1&playsinline=1")
    assert page.watch.console_errors == []


def test_a_player_deep_linked_from_the_videos_index_plays(page, site_url):
    page.goto(site_url + "all-videos/")
    page.get_by_role("link", name=VIDEOS[3][1]).click()
    page.wait_for_url(site_url + "videos/#infrastructure-and-gpu-challenges")
    page.get_by_role("button", name=f"Play video: {VIDEOS[3][1]}").click()
    expect(player_of(page, 3)).to_have_attribute("src", f"https://www.youtube-nocookie.com/embed/{VIDEOS[3][0]}?autoplay=1&playsinline=1")


def test_without_javascript_each_video_is_a_working_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = watched_page(context)
    page.goto(site_url + "videos/")
    links = page.locator("a.postkit-video__facade")
    assert links.count() == 4
    for index, (video_id, title) in enumerate(VIDEOS):
        link = links.nth(index)
        assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={video_id}"
        expect(link).to_contain_text(title)
    assert page.watch.third_party == []
    links.nth(0).click(no_wait_after=True)
    page.wait_for_timeout(300)
    assert page.watch.third_party == [f"https://www.youtube.com/watch?v={VIDEOS[0][0]}"], "the link goes to the video's page"
    context.close()


def test_the_facade_assets_stay_under_2_kb_gzipped():
    size = sum(len(gzip.compress(path.read_bytes(), 9)) for path in ASSETS.glob("postkit.*"))
    assert size < 2048, f"postkit.css + postkit.js are {size} bytes gzipped"


def test_a_poster_lies_under_the_title_on_screen_and_is_left_out_of_print(browser, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "poster.svg").write_text(POSTER, "utf-8")
    page_markdown = "# Talks\n\n/// video | https://youtu.be/v-zudK5KnWY\n    title: Keynote\n    poster: poster.svg\n///\n"
    site = build_site(tmp_path, {"index.md": page_markdown})
    with StaticServer(site, free_port()) as url:
        page = watched_page(browser.new_context())
        page.goto(url)
        facade = page.get_by_role("button", name="Play video: Keynote")
        expect(facade).to_be_visible()
        poster = page.locator(".postkit-video__poster")
        expect(poster).to_be_visible()
        # The title is painted at the facade's lower left; what is on top there must be the facade, not the poster.
        box = facade.bounding_box()
        assert box is not None
        on_top = page.evaluate(f"document.elementFromPoint({box['x'] + 20}, {box['y'] + box['height'] - 20}).tagName")
        assert on_top == "BUTTON"
        page.emulate_media(media="print")
        expect(poster).to_be_hidden()
        expect(facade).to_contain_text("Keynote")
        assert page.watch.third_party == []
        page.context.close()


POSTER = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#8a8"/></svg>'


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 700}, {"width": 390, "height": 844}, {"width": 844, "height": 390}])
def test_a_tall_player_never_exceeds_the_window_and_keeps_its_shape(browser, tmp_path, viewport):
    page_markdown = "# Shorts\n\n![type:video](https://www.youtube.com/shorts/v-zudK5KnWY)\n"
    site = build_site(tmp_path, {"index.md": page_markdown})
    with StaticServer(site, free_port()) as url:
        page = watched_page(browser.new_context(viewport=viewport))
        page.goto(url)
        facade = page.get_by_role("button", name="Play video: Shorts")
        expect(facade).to_be_visible()
        box = facade.bounding_box()
        assert box is not None and box["height"] <= viewport["height"], (box, viewport)
        assert abs(box["width"] / box["height"] - 9 / 16) < 0.02, box
        facade.click()
        player = page.locator("iframe.postkit-video__player")
        expect(player).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/v-zudK5KnWY?autoplay=1&playsinline=1")
        played = player.bounding_box()
        assert played is not None and played["height"] <= viewport["height"] and abs(played["width"] / played["height"] - 9 / 16) < 0.02
        page.context.close()
