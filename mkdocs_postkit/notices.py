"""During `mkdocs serve`, the build's warnings shown at the top of every page.

A strict preview stops at the first warning and the browser waits for a page that
never comes; a lenient one builds, but its warnings stay in the terminal. So the
preview builds leniently (scripts/serve.sh) and the plugin writes the warnings into
the pages it serves, where the author looks. `mkdocs build --strict` still fails on
them; no built site ever carries the notice.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

ARTICLE = '<article class="md-content__inner md-typeset">'
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


def insert_notice(page: str, messages: list[str]) -> str:
    """The page with the notice first in its article (or, without one, first in its body)."""
    if not messages:
        return page
    notice = notice_html(messages)
    at = page.find(ARTICLE)
    if at >= 0:
        at += len(ARTICLE)
    else:
        body = page.find("<body")
        at = page.find(">", body) + 1 if body >= 0 else 0
    return page[:at] + notice + page[at:]


def add_to_site(site_dir: str, messages: list[str]) -> None:
    """The notice in every page of a built site (during the preview: a few pages, rewritten once per build)."""
    if not messages:
        return
    for path in sorted(Path(site_dir).rglob("*.html")):
        page = path.read_text("utf-8")
        if "</head>" in page:  # a page, not a fragment
            path.write_text(insert_notice(page, messages), "utf-8", newline="\n")
