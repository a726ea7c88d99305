"""The foreign sites of tests/site/test_foreign_sites.py in Chromium: every embed, in every container, plays on click and not before.

Built once per session by postkit installed from its wheel (support/foreign_sites.py),
served on loopback at the port their `site_url` names.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from support.foreign_sites import NOCOOKIE, all_sites, built_once
from support.server import StaticServer

PAGES = [(name, path) for name, site in all_sites().items() for path in site.videos]
CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"


@pytest.fixture(scope="session")
def foreign(tmp_path_factory):
    return built_once(tmp_path_factory)


def reveal(figure) -> None:
    """Open what hides the figure: the folded details around it, the content tab it is in (outermost first)."""
    for details in figure.locator("xpath=ancestor::details").all():
        if details.get_attribute("open") is None:
            details.locator("xpath=./summary").click()
    for block in figure.locator(f"xpath=ancestor::div[{CLASS.format('tabbed-block')}]").all():
        index = block.evaluate("block => [...block.parentElement.children].indexOf(block)")
        tabs = block.locator(f"xpath=ancestor::div[{CLASS.format('tabbed-set')}][1]/div[{CLASS.format('tabbed-labels')}]/label")
        tabs.nth(index).click()


def requested(page, timeout: float = 3.0) -> list[str]:
    """The third-party requests so far, once there is one (or the timeout has passed), and a little after."""
    deadline = time.monotonic() + timeout
    while not page.watch.third_party and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    page.wait_for_timeout(150)  # anything else the click set off
    return list(page.watch.third_party)


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[f"{name}:{path or 'index'}" for name, path in PAGES])
def test_every_embed_is_a_facade_that_plays_on_click_and_nothing_is_requested_before(foreign, page, name, path):
    build = foreign.builds[name]
    assert build.returncode == 0, build.log()
    expected = build.site.videos[path]  # title -> YouTube id, one per embed written in the page
    with StaticServer(build.site_dir, build.port) as url:
        page.goto(url + path, wait_until="networkidle")
        figures = page.locator("figure.postkit-video")
        titles = [figures.nth(index).get_attribute("data-title") for index in range(figures.count())]
        assert page.watch.third_party == [], "nothing third-party is requested before a click"
        problems = []
        for index, title in enumerate(titles):
            figure = figures.nth(index)
            if title not in expected:
                problems.append(f"figure {index}: unexpected title {title!r}")
                continue
            name_ = f"Play video: {title}"
            try:
                expect(figure.get_by_role("button", name=name_, exact=True, include_hidden=True)).to_have_count(1)
                reveal(figure)
                button = figure.get_by_role("button", name=name_, exact=True)
                button.scroll_into_view_if_needed()
                button.click()
                player = figure.locator("iframe.postkit-video__player")
                expect(player).to_have_attribute("src", re.compile("^" + re.escape(f"{NOCOOKIE}{expected[title]}?autoplay=1")))
                src = player.get_attribute("src")
                seen = requested(page)
                assert seen == [src], f"the click requests that player, and only it: {seen}"
            except AssertionError as error:
                problems.append(f"{title!r}: {str(error).splitlines()[0]}")
            page.watch.third_party.clear()
        missing = sorted(set(expected) - set(titles))
        assert not problems and not missing and len(titles) == len(expected), (
            f"{len(titles)} figures for {len(expected)} embeds written; not a facade: {missing}; problems: {problems}"
        )
        assert page.watch.console_errors == []
