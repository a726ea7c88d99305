"""Without JavaScript and on paper.

With JavaScript off, every page shows its article, its navigation links and its
videos as plain links to YouTube. Printed (to PDF by headless Chromium, its text
read back with pypdf), every page keeps its content and each video's title and
address, and drops the site's chrome: header, sidebars, footer.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect

from support.audit import site_pages
from support.browser import watched_page

MISSING = "no-such-page/"  # served with 404.html
WATCH = re.compile(r"^https://www\.youtube\.com/watch\?v=[\w-]{11}$")
# Text that only the chrome carries: header and drawer title, skip link, table of contents,
# search, back-to-top button, footer (previous/next, copyright, generator).
CHROME = [
    "Training Biomedical Foundation Models",
    "Skip to content",
    "Table of contents",
    "Initializing search",
    "Back to top",
    "Previous",
    "Copyright",
    "Made with",
    "Material for MkDocs",
]
TEXT = """el => { const copy = el.cloneNode(true); copy.querySelectorAll(".headerlink").forEach(a => a.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim() }"""


@pytest.fixture(scope="module")
def pages(built_site):
    found = [*site_pages(built_site), MISSING]
    assert len(found) >= 7, found
    return found


@pytest.fixture
def nojs(browser, request):
    width, height = request.param if hasattr(request, "param") else (1280, 800)
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": height})
    yield watched_page(context)
    context.close()


def _goto(page, url):
    response = page.goto(url)
    assert response is not None and (response.ok or url.endswith(MISSING)), url


def _videos(page) -> list[tuple[str, str]]:
    """(title, YouTube address) of each video on the page, from postkit's figures."""
    return page.eval_on_selector_all(
        "figure.postkit-video",
        # The facade is a link (href) without JavaScript, a button (data-href) with it.
        "figs => figs.map(f => { const el = f.querySelector('.postkit-video__facade'); return [f.dataset.title, el && (el.getAttribute('href') || el.dataset.href)] })",
    )


def test_without_javascript_content_navigation_and_videos_show(site_url, pages, nojs):
    page = nojs
    all_pages = {site_url + p for p in pages if p != MISSING}
    videos_seen = 0
    for path in pages:
        _goto(page, site_url + path)
        assert "no-js" in (page.get_attribute("html", "class") or ""), f"/{path}: JavaScript ran"
        blocks = page.locator("article :is(h1, h2, h3, p, li, figure)")
        assert blocks.count() >= 3, f"/{path}: too little content"
        hidden = [blocks.nth(i).evaluate(TEXT)[:60] for i in range(blocks.count()) if not blocks.nth(i).is_visible()]
        assert not hidden, f"/{path}: hidden without JavaScript: {hidden}"

        nav = page.locator("nav.md-nav--primary a.md-nav__link")
        shown = {nav.nth(i).evaluate("a => a.href") for i in range(nav.count()) if nav.nth(i).is_visible()}
        assert all_pages <= shown, f"/{path}: navigation links missing: {sorted(all_pages - shown)}"

        figures = page.locator("figure.postkit-video")
        links = page.locator("figure.postkit-video > a.postkit-video__facade")
        assert links.count() == figures.count(), f"/{path}: a video without its link"
        for i in range(links.count()):
            link = links.nth(i)
            assert link.is_visible() and WATCH.match(link.get_attribute("href") or ""), f"/{path}: {link.get_attribute('href')}"
        assert page.locator("button.postkit-video__facade, iframe").count() == 0
        videos_seen += links.count()
    assert videos_seen == 4, "the post has four videos"
    assert not page.watch.third_party


@pytest.mark.parametrize("nojs", [(390, 844)], indirect=True, ids=["phone"])
def test_without_javascript_the_phone_drawer_opens(site_url, pages, nojs):
    """Material's drawer is a CSS checkbox: the menu button opens the navigation without JavaScript."""
    page = nojs
    _goto(page, site_url + "videos/")
    first = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link").first
    expect(first).not_to_be_in_viewport()  # the drawer starts closed
    page.locator("label.md-header__button[for=__drawer]").click()
    assert page.locator("#__drawer").is_checked()
    # Every other part is a link on screen once the drawer has slid in (a CSS transition).
    for other in (p for p in pages if p not in ("videos/", MISSING)):
        link = page.locator(f"nav.md-nav--primary > ul > li > a.md-nav__link[href='{_relative(other)}']")
        expect(link).to_be_in_viewport(ratio=1)


def _relative(path: str) -> str:
    """How Material links from /videos/ to a page."""
    return "../" + path if path else ".."


def _pdf_text(page) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as error:  # a missing tool fails, with what to do
        raise AssertionError("pypdf is not installed: .venv/bin/pip install -r requirements-test.txt (scripts/test.sh does)") from error
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return "\n".join(p.extract_text() for p in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_printed_pages_keep_content_and_video_addresses_and_drop_chrome(site_url, pages, page):
    videos_seen = 0
    for path in pages:
        _goto(page, site_url + path)
        expected = page.eval_on_selector_all("article :is(h1, h2, h3, p, li)", f"els => els.map({TEXT})")
        videos = _videos(page)
        text = _pdf_text(page)
        flat, bare = _squash(text), re.sub(r"\s", "", text)
        # Compared without white space (lines wrap) and without the addresses print adds after links.
        prose = re.sub(r"<https?://[^>]*>", "", bare)
        missing = [t for t in expected if re.sub(r"\s", "", t)[:80] not in prose]
        assert not missing, f"/{path}: not printed: {missing}"
        for title, url in videos:
            assert WATCH.match(url or ""), f"/{path}: {title}: {url}"
            assert _squash(title) in flat, f"/{path}: video title {title!r} not printed"
            assert f"Video:{url}" in bare, f"/{path}: address of {title!r} not printed"
        chrome = [c for c in CHROME if c in flat]
        assert not chrome, f"/{path}: printed the site's chrome: {chrome}"
        videos_seen += len(videos)
    assert videos_seen == 4


def test_printed_without_javascript_too(site_url, nojs):
    """Without JavaScript the facades stay links, and print their href."""
    _goto(nojs, site_url + "videos/")
    videos = _videos(nojs)
    assert len(videos) == 4
    bare = re.sub(r"\s", "", _pdf_text(nojs))
    for _title, url in videos:
        assert f"Video:{url}" in bare
