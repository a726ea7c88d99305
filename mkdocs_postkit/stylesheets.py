"""One stylesheet instead of several: the theme's and the site's CSS, concatenated at build time.

Each `<link rel="stylesheet">` in a page's head costs a render-blocking request; on a
slow connection the first paint waits for the last of them. `merge_links` replaces
the links of a page (when all name files of the site) by one link to a file holding
their contents in the same order, so the cascade is unchanged. The file is named by a
hash of its contents, so that a browser never keeps a stale copy and the build stays
deterministic.

The head is read by the tokenizer, up to its end only: a commented-out link, or a
`</head>` in a script, is text. A head is merged only when each of its stylesheet
links is plain (`rel="stylesheet"` and `href`, nothing else): one merged file cannot
carry a media query or an integrity hash, and merging the links around such a one
would move it in the cascade. And each file must mean the same inside the bundle
(`movable`): no `@import` or `@namespace` (valid only at a file's top), and, outside the
bundle's folder, no address that is read from the file's own folder.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

from .video.tokenizer import FrameScanner

CHARSET = re.compile(r'^\s*@charset "[^"]*";\s*', re.IGNORECASE)
FOLDER = "assets/stylesheets"
ASCII_WHITESPACE = re.compile(r"[\t\n\f\r ]+")  # what separates the tokens of `rel`; not U+00A0 and the like
LINE_REST = re.compile(r"[ \t]*\n?")  # the spaces and line break after a link go with it: the new link brings its own
AT_KEYWORD = re.compile(r"@([\w\\-]*)")  # the name after `@`, escapes included
URL_OPEN = re.compile(r"url\(", re.IGNORECASE)
ABSOLUTE = re.compile(r"\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)  # data:, https:, //host/, /path
# End tags that end the head (`</body>` and `</html>` there act as `</head>` would).
HEAD_END_TAGS = frozenset({"head", "body", "html"})


@dataclass(frozen=True)
class Link:
    """A stylesheet link of the head: where its start tag stands, and its href if the link is plain."""

    start: int
    end: int
    href: str | None  # None for a link that is not plain (see `plain_href`)


class _HeadEnd(Exception):  # noqa: N818  (a signal that reading is done, not an error)
    """Raised by the scanner where the head ends: the body is not read at all."""


class _HeadScanner(FrameScanner):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.links: list[Link] = []
        self.has_base = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            raise _HeadEnd
        if tag == "link" and is_stylesheet(attrs):
            # In <noscript> (text while scripts run) or <template> (never applied), a link is no plain one.
            at_top = len(self.stack) == self.open["html"] + self.open["head"]
            end = self.position + len(self.get_starttag_text() or "")
            self.links.append(Link(self.position, end, plain_href(attrs) if at_top else None))
        elif tag == "base" and any(name == "href" for name, _ in attrs):
            self.has_base = True
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in HEAD_END_TAGS:
            raise _HeadEnd
        super().handle_endtag(tag)


def rel_tokens(value: str | None) -> list[str]:
    """The tokens of a `rel` value, lowercased (no other character lowercases to a letter of "stylesheet")."""
    return [token for token in ASCII_WHITESPACE.split((value or "").lower()) if token]


def is_stylesheet(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a link's attributes make it a stylesheet of any kind (alternate, for print...); the first `rel` counts."""
    return "stylesheet" in rel_tokens(next((value for name, value in attrs if name == "rel"), None))


def plain_href(attrs: list[tuple[str, str | None]]) -> str | None:
    """The href of a link that says nothing but `rel="stylesheet"` and a non-empty `href`; None for any other.

    What another attribute (media, integrity, crossorigin, disabled, title) or rel token says would
    be lost in the merged file, or would apply this file otherwise than the merged one is applied.
    """
    values = dict(attrs)
    if len(attrs) != 2 or values.keys() != {"rel", "href"} or rel_tokens(values["rel"]) != ["stylesheet"]:
        return None
    return values["href"] or None


def head_links(html: str) -> list[Link] | None:
    """The stylesheet links of the page's head, in order, read by the tokenizer up to the head's end only.

    None when the page is no candidate for a merge: its head does not end (`</head>` or `<body>`),
    or it has a `<base href>`, under which the hrefs name other files than they seem to.
    """
    scanner = _HeadScanner(html)
    try:
        scanner.run()
    except _HeadEnd:
        return None if scanner.has_base else scanner.links
    return None


def site_path(href: str, page_path: str, root: str = "/") -> str | None:
    """The path from the site's root of the file an href names, seen from the page at `page_path`; None if elsewhere.

    `root` is the site's path on its host (`/post/` for a GitHub project page), which hrefs from the root include.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or parts.query or parts.fragment:
        return None
    root = "/" + root.strip("/") + "/" if root.strip("/") else "/"
    path = posixpath.normpath(urlsplit(urljoin("http://site" + root + page_path, href)).path)
    return path[len(root) :] if path.startswith(root) and len(path) > len(root) else None


def movable(css: str, path: str) -> bool:
    """Whether the stylesheet at `path` (from the site's root) means the same in the bundle; in doubt, no.

    `@import` and `@namespace` count only at the top of a stylesheet, so in the bundle's middle they are
    dropped. A relative address in `url()` is read from the folder of the stylesheet that holds it, so a
    file with one moves only within its folder: the bundle's own. Elsewhere every `url()` must be absolute
    (`data:`, `https:`, from the root), and no `image-set()` or backslash may appear (an escape could spell
    `url` otherwise). The scan over-reads on purpose: a comment that mentions `url(` keeps a file out too.
    """
    for match in AT_KEYWORD.finditer(css):
        if "\\" in match[1] or match[1].lower() in ("import", "namespace"):
            return False
    if posixpath.dirname(path) == FOLDER:
        return True
    if "\\" in css or "image-set(" in css.lower():
        return False
    return all(ABSOLUTE.match(css, match.end()) for match in URL_OPEN.finditer(css))


def bundle(contents: list[str]) -> tuple[str, str]:
    """(file name, CSS) of the concatenation; one `@charset` at the top, as CSS allows it only there.

    A file's byte order mark goes too: the browser drops it when it decodes that file, but in the middle of the bundle it is text.
    """
    body = "\n".join(CHARSET.sub("", css.removeprefix("\ufeff")).rstrip() for css in contents) + "\n"
    css = '@charset "UTF-8";\n' + body
    return f"{FOLDER}/bundle.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css", css


def merge_links(html: str, page_path: str, read: Callable[[str], str | None], root: str = "/") -> tuple[str, tuple[str, str] | None]:
    """The page with its head's stylesheet links merged into one, and the (path, CSS) of the merged file.

    `page_path` is where the page is written (`videos/index.html`) in the site at `root`; `read` gives the
    text of a site file by its path, or None. A page with fewer than two links, a stylesheet link that
    is not plain, a link to anything but a file of the site, or a file that is not `movable`, is returned
    as it is (with None).
    """
    links = head_links(html)
    if links is None or len(links) < 2 or any(link.href is None for link in links):
        return html, None
    hrefs = [link.href for link in links if link.href is not None]
    paths = [site_path(href, page_path, root) for href in hrefs]
    contents = [read(path) if path else None for path in paths]
    first_href, first_path = hrefs[0], paths[0]
    if any(text is None for text in contents) or not first_path or not first_href.endswith(first_path):
        return html, None
    if not all(movable(text, path) for text, path in zip(contents, paths, strict=True) if text is not None and path):
        return html, None
    name, css = bundle([text for text in contents if text is not None])
    # The new link is written as the first one was (relative, or from the root); the tokenizer gave the href unescaped.
    href = escape(first_href[: len(first_href) - len(first_path)]) + name
    pieces, end = [], 0
    for n, link in enumerate(links):
        pieces.append(html[end : link.start])
        if n == 0:
            pieces.append(f'<link rel="stylesheet" href="{href}">\n')
        match = LINE_REST.match(html, link.end)
        end = match.end() if match else link.end
    pieces.append(html[end:])
    return "".join(pieces), (name, css)
