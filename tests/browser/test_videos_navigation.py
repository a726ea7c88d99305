"""Linkable videos and the reader's position, in headless Chromium (issue 4).

The generated "All videos" page links to each video's heading on the part that
plays it; Material follows those links with instant navigation, which must
still bring the video into view and leave working click-to-play facades.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from support.instant import click_instantly, in_viewport

PARTS = [  # (path, sidebar title), in post order
    ("", "Background"),
    ("perspective/", "Our Perspective"),
    ("videos/", "Video Insights"),
    ("reflections/", "Reflections and Key Takeaways"),
    ("looking-forward/", "Looking Forward"),
]
VIDEOS = [  # (heading anchor, title), in post order
    ("key-lessons-from-llm-training", "Key Lessons from LLM Training"),
    ("why-were-building-foundation-models-at-genentech", "Why We're Building Foundation Models at Genentech"),
    ("challenges-in-training-biomedical-llms", "Challenges in Training Biomedical LLMs"),
    ("infrastructure-and-gpu-challenges", "Infrastructure and GPU Challenges"),
]
POSITION = re.compile(r"^Part (\d+) of (\d+) · (\d+) min read$")


def sidebar_links(page: Page):
    return page.locator("nav.md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")


def video(page: Page, title: str):
    return page.locator(f'article figure.postkit-video[data-title="{title}"]')


SCROLLED_TO = """anchor => {
    const target = document.getElementById(anchor);
    if (!target) return false;
    const top = target.getBoundingClientRect().top;
    const atBottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
    return top >= 0 && (top < 200 || atBottom);
}"""


def expect_video_in_view(page: Page, anchor: str, title: str) -> None:
    """The reader sees the heading at the top (or the page scrolled to its end) and the whole player, ready to play."""
    try:
        page.wait_for_function(SCROLLED_TO, arg=anchor, timeout=3000)
    except PlaywrightTimeoutError:
        raise AssertionError(
            f"#{anchor} was not scrolled to: {in_viewport(page.locator(f'#{anchor}'))}, scrollY {page.evaluate('scrollY')}"
        ) from None
    figure = video(page, title)
    expect(figure).to_be_in_viewport(ratio=1)
    expect(figure.locator("button.postkit-video__facade")).to_have_attribute("aria-label", f"Play video: {title}")


def test_each_link_of_the_videos_page_lands_on_its_video_through_instant_navigation(page, site_url, built_site):
    index = site_url + "all-videos/"
    page.goto(index)
    links = page.locator("article.md-content__inner a[href*='#']:not(.headerlink)")
    expect(links).to_have_text([title for _, title in VIDEOS])
    expect(page.locator("article figure.postkit-video, article iframe")).to_have_count(0)  # a list, not players

    for number, (anchor, title) in enumerate(VIDEOS):
        if number:  # back to the list, instantly, through the sidebar
            click_instantly(page, sidebar_links(page).filter(has_text="All videos"), index, built_site, "all-videos/")
        link = page.locator("article.md-content__inner a").filter(has_text=title)
        expect(link).to_have_js_property("href", f"{site_url}videos/#{anchor}")
        click_instantly(page, link, f"{site_url}videos/#{anchor}", built_site, "videos/")
        expect_video_in_view(page, anchor, title)

    assert page.watch.third_party == []  # the facades upgraded by instant navigation wait for a click
    assert page.watch.console_errors == []


def test_videos_fill_the_width_of_the_text(page, site_url):
    page.goto(site_url + "videos/")
    text_width = page.locator("article.md-content__inner > p").first.evaluate("el => el.getBoundingClientRect().width")
    for _, title in VIDEOS:
        width = video(page, title).locator(".postkit-video__facade").evaluate("el => el.getBoundingClientRect().width")
        assert abs(width - text_width) < 1, f"{title}: player {width:.0f}px wide in a {text_width:.0f}px column"


def test_table_of_contents_links_scroll_to_each_video(page, site_url, built_site):
    page.goto(site_url + "videos/")
    toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    expect(toc).to_have_text([title for _, title in VIDEOS])

    for anchor, title in [*VIDEOS[::-1], *VIDEOS]:  # up the page, then down again
        click_instantly(page, toc.filter(has_text=title), f"{site_url}videos/#{anchor}", built_site, "videos/")
        expect_video_in_view(page, anchor, title)
    assert page.watch.third_party == []
    assert page.watch.console_errors == []


def test_part_labels_agree_with_the_sidebar_order(page, site_url, built_site):
    page.goto(site_url)
    expect(sidebar_links(page)).to_have_text([title for _, title in PARTS] + ["All videos"])
    for number, (path, title) in enumerate(PARTS, start=1):
        if number > 1:
            click_instantly(page, sidebar_links(page).filter(has_text=title), site_url + path, built_site, path)
        position = page.locator("article.md-content__inner h1 + p.postkit-position")
        expect(position).to_have_text(POSITION)
        part, total, minutes = (int(x) for x in POSITION.match(position.inner_text()).groups())
        assert (part, total) == (number, len(PARTS)), f"{title} says Part {part} of {total}"
        assert minutes >= 1
        expect(page.locator("nav.md-nav--primary a.md-nav__link--active")).to_have_text([title])

    click_instantly(page, sidebar_links(page).filter(has_text="All videos"), site_url + "all-videos/", built_site, "all-videos/")
    expect(page.locator("p.postkit-position")).to_have_count(0)  # not a part of the post
