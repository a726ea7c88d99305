"""The reader's ways through the post, in headless Chromium (issue 2).

Every request to a host other than loopback is blocked and recorded by the
`page` fixture; instant navigation is proven by a marker on `window` that only
survives when Material swaps the page in place.
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from support.browser import watched_page
from support.instant import click_instantly, expect_page
from support.sites import main_content

PARTS = [
    ("", "Background"),
    ("perspective/", "Our Perspective"),
    ("videos/", "Video Insights"),
    ("reflections/", "Reflections and Key Takeaways"),
    ("looking-forward/", "Looking Forward"),
]
SIDEBAR = [*PARTS, ("all-videos/", "All videos")]
DESKTOP = {"width": 1280, "height": 800}


def sidebar_links(page: Page):
    return page.locator("nav.md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")


def sidebar_link(page: Page, title: str):
    return sidebar_links(page).filter(has=page.get_by_text(title, exact=True))


def background_luminance(page: Page) -> float:
    """Relative brightness (0 black, 1 white) of the body's background."""
    colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(x) for x in re.findall(r"\d+", colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_sidebar_lists_every_page_in_post_order_and_navigates_instantly(page, site_url, built_site):
    page.goto(site_url)
    expect(sidebar_links(page)).to_have_text([title for _, title in SIDEBAR])

    for path, title in [*SIDEBAR[1:], SIDEBAR[0]]:  # every page in turn, then back home
        click_instantly(page, sidebar_link(page, title), site_url + path, built_site, path)
        expect(page.locator("nav.md-nav--primary a.md-nav__link--active")).to_have_text([title])
        expect(sidebar_links(page)).to_have_text([title for _, title in SIDEBAR])

    assert page.watch.third_party == []
    assert page.watch.console_errors == []


def test_footer_links_walk_the_whole_post_both_ways(page, site_url, built_site):
    page.goto(site_url)
    for direction, label, order in (("next", "Next", SIDEBAR), ("prev", "Previous", SIDEBAR[::-1])):
        for _, (path, title) in pairwise(order):
            link = page.locator(f"a.md-footer__link--{direction}")
            expect(link).to_have_attribute("aria-label", f"{label}: {title}")
            expect(link.locator(".md-ellipsis")).to_have_text(title)
            click_instantly(page, link, site_url + path, built_site, path)
        # The walk ends at the list of all videos (a page of the nav, after the last part), and at the first part.
        expect(page.locator(f"a.md-footer__link--{direction}")).to_have_count(0)

    assert page.watch.third_party == []
    assert page.watch.console_errors == []


def test_searching_genentech_finds_its_pages_and_opens_the_right_one(page, site_url, built_site):
    page.goto(site_url + "reflections/")
    search = page.locator("input.md-search__input")
    search.click()
    page.keyboard.type("Genentech")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents$"))

    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    found = {urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")}
    mentioning = {
        "/" + path
        for path, _ in SIDEBAR
        if "genentech" in re.sub(r"<[^>]+>", "", main_content((built_site / path / "index.html").read_text())).lower()
    }
    assert "/videos/" in mentioning and "/all-videos/" in mentioning
    # The list of videos is written after the search plugin has read its page, so that a
    # search lands on the part where the video plays, not on the list that links to it.
    assert found == mentioning - {"/all-videos/"}

    anchor = "why-were-building-foundation-models-at-genentech"
    hit = page.locator(f'.md-search-result__list a.md-search-result__link[href$="#{anchor}"]')
    expect(hit).to_have_count(1)
    click_instantly(page, hit, re.compile(rf"/videos/\?h=genentech#{anchor}$"), built_site, "videos/")
    expect(page.locator("#__search")).not_to_be_checked()  # the search overlay closed
    expect(page.locator("article mark").first).to_have_text(re.compile("^genentech$", re.IGNORECASE))  # search.highlight
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    assert page.watch.third_party == []
    assert page.watch.console_errors == []


def test_palette_toggle_switches_to_dark_and_stays_dark_across_navigation(browser, site_url, built_site):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    try:
        page = watched_page(context)
        page.goto(site_url)
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        assert background_luminance(page) > 0.9

        page.get_by_title("Switch to dark mode").click()
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        assert background_luminance(page) < 0.2
        expect(page.get_by_title("Switch to light mode")).to_be_visible()

        click_instantly(page, sidebar_link(page, "Video Insights"), site_url + "videos/", built_site, "videos/")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        click_instantly(page, page.locator("a.md-footer__link--next"), site_url + "reflections/", built_site, "reflections/")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        assert background_luminance(page) < 0.2

        page.goto(site_url + "looking-forward/")  # a full load remembers the reader's choice
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        assert background_luminance(page) < 0.2
        assert page.watch.third_party == []
        assert page.watch.console_errors == []
    finally:
        context.close()


def test_palette_starts_dark_when_the_system_is_dark(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    try:
        page = watched_page(context)
        page.goto(site_url)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        assert background_luminance(page) < 0.2
    finally:
        context.close()


def test_drawer_opens_and_navigates_on_a_phone(browser, site_url, built_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = watched_page(context)
        page.goto(site_url)
        drawer = page.locator("#__drawer")
        link = sidebar_link(page, "Reflections and Key Takeaways")
        expect(drawer).not_to_be_checked()
        expect(link).not_to_be_in_viewport()

        page.locator('label.md-header__button[for="__drawer"]').click()
        expect(drawer).to_be_checked()
        expect(link).to_be_in_viewport()
        expect(sidebar_links(page)).to_have_text([title for _, title in SIDEBAR])

        click_instantly(page, link, site_url + "reflections/", built_site, "reflections/")
        expect(drawer).not_to_be_checked()
        expect(link).not_to_be_in_viewport()
        assert page.watch.third_party == []
        assert page.watch.console_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("path", [path for path, _ in SIDEBAR], ids=[path.strip("/") or "home" for path, _ in SIDEBAR])
def test_page_loads_only_from_loopback_without_console_errors(page, site_url, built_site, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    expect_page(page, built_site, path)
    if path == "videos/":  # four players, all still facades: nothing fetched from the video host
        expect(page.locator("button.postkit-video__facade")).to_have_count(4)
        expect(page.locator("iframe")).to_have_count(0)
    assert any(url.endswith(".css") for url in requests) and any(url.endswith(".js") for url in requests)
    assert page.watch.third_party == []
    assert page.watch.console_errors == []


def test_not_found_page_loads_only_from_loopback(page, site_url):
    failed: list[tuple[int, str]] = []
    page.on("response", lambda response: response.status >= 400 and failed.append((response.status, response.url)))
    response = page.goto(site_url + "no-such-part/", wait_until="networkidle")
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    assert failed == [(404, site_url + "no-such-part/")]  # its own status, and no asset missing
    assert page.watch.third_party == []
    assert [e for e in page.watch.console_errors if "status of 404" not in e] == []
