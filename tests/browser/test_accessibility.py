"""axe-core on every page: light and dark palettes, desktop and phone widths, before and after a video plays.

Zero violations of axe's default rules (WCAG 2.x A and AA, and its best practices).
The fixes to Material's defaults live in overrides/ (site.css, main.html, partials/progress.html).
"""

from __future__ import annotations

import pytest

from support.audit import axe_violations, site_pages
from support.browser import watched_page

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
MISSING = "no-such-page/"  # served with 404.html, as GitHub Pages does


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return VIEWPORTS[request.param]


@pytest.fixture(params=list(SCHEMES), ids=list(SCHEMES))
def scheme(request):
    return request.param


@pytest.fixture
def palette_page(browser, viewport, scheme):
    """A page in a fresh context whose system preference is `scheme` (Material's palette starts from it)."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    yield watched_page(context)
    context.close()


def _open(page, url: str, scheme: str) -> None:
    response = page.goto(url)
    assert response is not None
    assert response.ok or url.endswith(MISSING), f"{url}: HTTP {response.status}"
    body_scheme = page.get_attribute("body", "data-md-color-scheme")
    assert body_scheme == SCHEMES[scheme], (
        f"{url}: palette {body_scheme!r}, expected {SCHEMES[scheme]!r} for prefers-color-scheme: {scheme}"
    )


def test_every_page_has_no_violations(built_site, site_url, palette_page, scheme):
    pages = [*site_pages(built_site), MISSING]
    assert len(pages) >= 7, pages  # five parts, the videos index and the 404 page
    found = []
    for path in pages:
        _open(palette_page, site_url + path, scheme)
        found += [f"/{path}: {v}" for v in axe_violations(palette_page)]
    assert not found, "\n".join(found)
    assert not palette_page.watch.third_party


def test_no_violations_after_the_videos_play(site_url, palette_page, scheme):
    page = palette_page
    _open(page, site_url + "videos/", scheme)
    facades = page.locator("button.postkit-video__facade")
    count = facades.count()
    assert count == 4
    for _ in range(count):  # each click replaces a facade with its player
        facades.first.click()
    page.locator("iframe.postkit-video__player").nth(count - 1).wait_for(state="attached")
    assert facades.count() == 0
    assert len(page.watch.third_party) == count  # the players, blocked by the test's routing
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_palette_toggle_switches_and_stays_clean(site_url, palette_page, scheme):
    """Material's two-state toggle flips the palette the preference chose; the other palette is clean too."""
    page = palette_page
    _open(page, site_url + "videos/", scheme)
    other = "dark" if scheme == "light" else "light"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{SCHEMES[other]}'")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_search_dialog_is_named_and_clean(site_url, palette_page, scheme):
    page = palette_page
    _open(page, site_url, scheme)
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Search"
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(state="attached")  # index loaded
    page.keyboard.press("/")  # Material's shortcut opens search at every width
    page.keyboard.type("foundation")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator("input.md-search__input").is_visible()
    page.wait_for_function("document.getAnimations().length === 0")  # colours mid-transition are not the page's
    violations = axe_violations(page)
    page.locator(".md-search-result__link").first.hover()  # the hovered result has a tinted background
    page.wait_for_function("document.getAnimations().length === 0")
    violations += [f"(hovered result) {v}" for v in axe_violations(page)]
    assert not violations, "\n".join(violations)
