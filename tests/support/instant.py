"""Helpers for browser tests of Material's instant navigation.

A click that Material handles swaps the page's content in place; a full page
load replaces `window`. A marker set on `window` before the click therefore
survives only an instant navigation.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

MARKER = "window.__postkitNavMarker"


def h1_id(site: Path, path: str) -> str:
    """The id of the h1 of the built page at `path` ("" is the home page)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<h1 id="([^"]+)"', html)
    assert match, f"no h1 with an id in {path or '/'}index.html"
    return match.group(1)


# Resolves once no scroll event has come for 300 ms. Material (9.8.2) acts on
# scrolling after a delay: 100 ms later it stores the offset in `history.state`,
# 250 ms later `navigation.tracking` puts the active heading's anchor in the URL.
# A link followed inside that window lands on the new page with the old page's
# offset and anchor (at the top, and at a URL like /perspective/#background,
# even when the link named an anchor of its own). A reader seldom clicks that
# fast; the tests click as a reader does. The race is in Material, not in postkit.
SCROLL_SETTLED = """() => new Promise(resolve => {
    const done = () => { removeEventListener("scroll", again); resolve(); };
    let timer = setTimeout(done, 300);
    const again = () => { clearTimeout(timer); timer = setTimeout(done, 300); };
    addEventListener("scroll", again, {passive: true});
})"""


# Resolves once Material has its sitemap. Material (9.8.2) handles a click only
# if the sitemap has arrived (`withLatestFrom(sitemap$)`); a click before that
# is left to the browser, a full page load. The sitemap is fetched once per page
# load; the observer sees the finished response (buffered), and parsing it takes
# a task or two more.
SITEMAP_LOADED = """() => new Promise(resolve => {
    new PerformanceObserver((list, observer) => {
        if (list.getEntries().some(entry => new URL(entry.name).pathname.endsWith("/sitemap.xml"))) {
            observer.disconnect();
            setTimeout(resolve, 50);
        }
    }).observe({type: "resource", buffered: true});
})"""


def click_instantly(page: Page, target: Locator, url: str | re.Pattern[str], site: Path, path: str) -> None:
    """Click `target` as a reader would; check that Material showed the page built for `path`, at `url`, without a page load.

    Material changes the address before the new content arrives, so the
    content is awaited before the marker is read.
    """
    page.evaluate(SITEMAP_LOADED)
    target.scroll_into_view_if_needed()
    page.evaluate(SCROLL_SETTLED)
    page.evaluate(f"{MARKER} = location.href")
    before = page.url
    target.click()
    page.wait_for_url(url)
    expect_page(page, site, path)
    assert page.evaluate(MARKER) == before, f"clicking towards {url} reloaded the page: not an instant navigation"


def expect_page(page: Page, site: Path, path: str) -> None:
    """The article on screen is the one built for `path`."""
    expect(page.locator("article.md-content__inner h1")).to_have_attribute("id", h1_id(site, path))


def in_viewport(locator: Locator) -> dict:
    """The element's box and whether it lies entirely inside the viewport."""
    return locator.evaluate(
        """el => {
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, width: r.width, height: r.height,
                    inside: r.height > 0 && r.top >= 0 && r.bottom <= innerHeight};
        }"""
    )
