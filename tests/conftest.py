"""Shared fixtures: the real site built once per session, served on loopback, and a browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from support.browser import launch, watched_page
from support.server import StaticServer, free_port
from support.sites import build_project


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port):
    """The project's site, built strict with `site_url` at the port it is served on.

    Material's instant navigation only takes over links at the origin and path
    that `site_url` names, so the port must match the server's.
    """
    return build_project(tmp_path_factory.mktemp("site"), site_url=f"http://127.0.0.1:{site_port}/")


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    with StaticServer(built_site, site_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that may only reach loopback; `page.watch` holds blocked requests and console errors."""
    return watched_page(context)
