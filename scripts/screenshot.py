"""Take the README's screenshot with the browser the tests use.

.venv/bin/python scripts/screenshot.py   # writes .github/screenshot.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from support.browser import launch, watched_page  # noqa: E402
from support.server import StaticServer, free_port  # noqa: E402
from support.sites import build_project  # noqa: E402

OUTPUT = ROOT / ".github" / "screenshot.png"


def main() -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_project(Path(tmp) / "site", site_url=f"http://127.0.0.1:{port}/")
        with StaticServer(site, port) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            page = watched_page(browser.new_context(viewport={"width": 1280, "height": 800}, device_scale_factor=1))
            page.goto(url + "videos/")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(OUTPUT))
            browser.close()
            assert page.watch.third_party == [], page.watch.third_party
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
