"""The author's preview: `mkdocs serve --livereload` serves every page and shows edits."""

from __future__ import annotations

from playwright.sync_api import expect

from support.browser import watched_page
from support.serve import MkdocsServe, fetch
from support.sites import copy_project

PAGES = ["", "perspective/", "videos/", "reflections/", "looking-forward/", "all-videos/"]


def test_serve_serves_every_page_and_picks_up_an_edit(tmp_path):
    project = copy_project(tmp_path)
    with MkdocsServe(project) as serve:
        for path in PAGES:
            status, body = fetch(serve.url + path)
            assert status == 200, path
            assert "postkit-video" in body if path == "videos/" else True
            assert "livereload" in body, "the live-reload script is injected"
        page = project / "docs" / "reflections.md"
        serve.wait_until_watching(page, "reflections/")
        page.write_text(page.read_text("utf-8").replace("A few key takeaways:", "A few key takeaways (edited):"), "utf-8")
        serve.wait_for("reflections/", "A few key takeaways (edited):", timeout=15)
        assert serve.alive()


def test_an_open_page_reloads_itself_after_an_edit(tmp_path, browser):
    project = copy_project(tmp_path)
    with MkdocsServe(project) as serve:
        target = project / "docs" / "looking-forward.md"
        serve.wait_until_watching(target, "looking-forward/")
        context = browser.new_context()
        page = watched_page(context)
        page.goto(serve.url + "looking-forward/")
        page.wait_for_timeout(1000)  # let the live-reload script connect; also runs Playwright's event loop
        target.write_text(target.read_text("utf-8").replace("# Looking Forward", "# Looking Further Forward"), "utf-8")
        expect(page.locator("h1")).to_contain_text("Looking Further Forward", timeout=15_000)  # no manual reload
        assert page.watch.third_party == []
        context.close()
