"""During `mkdocs serve`, the build's warnings shown at the top of every page.

A strict preview stops at the first warning and the browser waits for a page that
never comes; a lenient one builds, but its warnings stay in the terminal. So the
preview builds leniently (scripts/serve.sh) and the plugin writes the warnings into
the pages it serves, where the author looks. `mkdocs build --strict` still fails on
them; no built site ever carries the notice.
"""

from __future__ import annotations

import contextlib
import html
import logging
from pathlib import Path

from .video.tokenizer import FrameScanner

STYLE = "border:2px solid #b00020;border-radius:.2rem;padding:.4rem .8rem;margin:0 0 1rem;background:#fff4f4;color:#5f0010"


class WarningLog(logging.Handler):
    """Collects the messages of the warnings (and errors) logged under `mkdocs` during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a faulty log call must not break the build
            message = str(record.msg)
        if message not in self.messages:  # MkDocs may log the same warning once per page
            self.messages.append(message)


def notice_html(messages: list[str]) -> str:
    """The notice: each message as text, and what to do."""
    items = "".join(f"<li><code>{html.escape(message)}</code></li>" for message in messages)
    count = f"{len(messages)} warning" + ("s" if len(messages) != 1 else "")
    return (
        f'<div class="postkit-build-warnings" role="alert" style="{STYLE}">'
        f"<p><strong>Preview only: this build has {count}.</strong> "
        "<code>mkdocs build --strict</code> and CI fail until "
        + ("it is" if len(messages) == 1 else "they are")
        + " fixed; this page reloads when you save.</p>"
        f"<ul>{items}</ul></div>\n"
    )


class _Found(Exception):  # noqa: N818  (a signal that reading is done, not an error)
    pass


class _StartScanner(FrameScanner):
    """Where the notice goes: after Material's article start tag, else after the body's; read by the tokenizer."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.body: int | None = None
        self.article: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        end = self.position + len(self.get_starttag_text() or "")
        if tag == "article" and "md-content__inner" in (dict(attrs).get("class") or "").split():
            self.article = end
            raise _Found
        if tag == "body" and self.body is None:
            self.body = end
        super().handle_starttag(tag, attrs)


def notice_at(page: str) -> int | None:
    """The offset the notice goes at: first in the article, or first in the body; None for a fragment."""
    scanner = _StartScanner(page)
    with contextlib.suppress(_Found):
        scanner.run()
    return scanner.article if scanner.article is not None else scanner.body


def insert_notice(page: str, messages: list[str]) -> str:
    """The page with the notice first in its article (or, without one, first in its body)."""
    at = notice_at(page) if messages else None
    return page if at is None else page[:at] + notice_html(messages) + page[at:]


def add_to_site(site_dir: str, messages: list[str]) -> None:
    """The notice in every page of a built site (during the preview: a few pages, rewritten once per build)."""
    if not messages:
        return
    for path in sorted(Path(site_dir).rglob("*.html")):
        page = path.read_text("utf-8")
        noticed = insert_notice(page, messages)  # a fragment, without body or article, stays as it is
        if noticed != page:
            path.write_text(noticed, "utf-8", newline="\n")
