"""Headless Chromium (Debian's, through Playwright) that may only talk to loopback.

Every request to another host is aborted and recorded, so a test can assert
that a page made none, rather than letting them fail silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(f"Chromium is not installed at {CHROMIUM}; run scripts/test.sh (it installs Debian's chromium) or set CHROMIUM")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@dataclass
class Watch:
    """What a page did that a test may assert on."""

    third_party: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.third_party.clear()
        self.console_errors.clear()


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or (parts.hostname or "") in LOOPBACK


def watched_page(context):
    """A new page whose third-party requests are blocked and counted."""
    page = context.new_page()
    watch = Watch()

    def route(route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            watch.third_party.append(route.request.url)
            route.abort("blockedbyclient")

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and watch.console_errors.append(msg.text))
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    page.watch = watch
    return page
