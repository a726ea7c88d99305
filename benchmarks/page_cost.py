"""What a reader's browser loads for each page of the site, with postkit and without.

The project's pages are built three ways in a temporary folder: as the site is
(postkit), as plain Material with the pasted YouTube iframes (no postkit), and
with mkdocs-video 1.5.0 (`![type:video](https://www.youtube.com/embed/ID)`).
Each build is served on its own loopback port (its `site_url` names that port,
as Material's instant navigation needs) and every page is opened in a fresh
headless Chromium context (cold cache) until the network is idle, without any
click. Requests to other hosts are blocked and counted: each one is a request
that the real page would send to a third party before the reader asked for
anything.

    .venv/bin/python benchmarks/page_cost.py           # every page
    .venv/bin/python benchmarks/page_cost.py --quick   # the videos page only (the smoke test)
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from _common import POSTKIT, VARIANTS, machine, markdown_table, project_variant

from support.browser import CHROMIUM, is_loopback, launch
from support.server import StaticServer, free_port

PAGES = ["", "perspective/", "videos/", "reflections/", "looking-forward/", "all-videos/"]
POSTKIT_ASSETS = ["assets/postkit/postkit.css", "assets/postkit/postkit.js"]
# Published figures for what a facade defers (nothing here downloads them: the network is closed).
DEFERRED = """\
What the blocked requests would have cost: each is a YouTube player iframe, and a player
pulls its own JavaScript before anyone presses play. The figures usually quoted are about
540 KB to 1 MB of JavaScript per player (design notes of this project); lite-youtube-embed's
README (github.com/paulirish/lite-youtube-embed) shows the difference in DevTools network
screenshots and states that its facade "renders ... approximately 224x faster" than the
<iframe> embed; fershad.com ("YouTube facades with Cloudflare Workers") measures "around 1MB
of data" per regular embed. With postkit none of it loads until the reader clicks, and then
from www.youtube-nocookie.com."""


def build_variants(workdir: Path) -> dict[str, tuple[Path, int]]:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    sites = {}
    for variant in VARIANTS:
        port = free_port()
        config_file = project_variant(workdir / variant.split()[0], variant, f"http://127.0.0.1:{port}/")
        site = config_file.parent / "site"
        build(load_config(str(config_file), site_dir=str(site)))
        sites[variant] = (site, port)
    return sites


def measure(browser, url: str) -> dict:
    """Open `url` in a fresh context; first-party bytes, and the third-party requests it tried."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []
    responses = []

    def route(route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    bodies = []
    for response in responses:
        if is_loopback(response.url) and response.status == 200:
            bodies.append(response.body())
    context.close()
    return {
        "requests": len(bodies),
        "bytes": sum(len(b) for b in bodies),
        "gzip": sum(len(gzip.compress(b, 6)) for b in bodies),
        "blocked": blocked,
    }


def postkit_assets(site: Path) -> list[tuple[str, int, int]]:
    rows = []
    for path in POSTKIT_ASSETS:
        data = (site / path).read_bytes()
        rows.append((path.rsplit("/", 1)[-1], len(data), len(gzip.compress(data, 9))))
    return rows


def report(results: dict[tuple[str, str], dict], assets: list[tuple[str, int, int]], pages: list[str]) -> str:
    rows = []
    for path in pages:
        for variant in VARIANTS:
            r = results.get((path, variant))
            if r is None:
                continue  # the "All videos" page exists only with postkit
            hosts = sorted({urlsplit(u).hostname or "?" for u in r["blocked"]})
            rows.append(
                (
                    f"/{path}",
                    variant,
                    r["requests"],
                    f"{r['bytes'] / 1024:.1f}",
                    f"{r['gzip'] / 1024:.1f}",
                    len(r["blocked"]),
                    ", ".join(hosts) or "none",
                )
            )
    header = ("page", "variant", "requests", "KB", "KB gzip", "3rd-party requests", "3rd-party hosts")
    total_raw, total_gz = sum(a[1] for a in assets), sum(a[2] for a in assets)
    asset_rows = [*assets, ("together", total_raw, total_gz)]
    return "\n\n".join(
        [
            f"First visit of each page, cold cache, no interaction ({machine()}, Chromium at {CHROMIUM}):",
            markdown_table(header, rows),
            "KB: first-party bytes as served (uncompressed); KB gzip: the same responses gzipped (level 6), about what GitHub Pages sends.",
            "postkit's own assets (loaded on every page of a postkit site):",
            markdown_table(("file", "bytes", "bytes gzip -9"), asset_rows),
            DEFERRED,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the videos page only: checks that the benchmark runs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = ["videos/"] if args.quick else PAGES
    with tempfile.TemporaryDirectory(prefix="postkit-page-cost-") as tmp, contextlib.ExitStack() as servers:
        sites = build_variants(Path(tmp))
        for site, port in sites.values():
            servers.enter_context(StaticServer(site, port))
        results = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for path in pages:
                for variant, (site, port) in sites.items():
                    if (site / path / "index.html").exists():
                        results[(path, variant)] = measure(browser, f"http://127.0.0.1:{port}/{path}")
            browser.close()
        print(report(results, postkit_assets(sites[POSTKIT][0]), pages))


if __name__ == "__main__":
    main()
