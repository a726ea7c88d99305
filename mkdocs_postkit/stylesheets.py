"""One stylesheet instead of several: the theme's and the site's CSS, concatenated at build time.

Each `<link rel="stylesheet">` in a page's head costs a render-blocking request; on a
slow connection the first paint waits for the last of them. `merge_links` replaces
the links of a page (when all name files of the site) by one link to a file holding
their contents in the same order, so the cascade is unchanged. The file is named by a
hash of its contents, so that a browser never keeps a stale copy and the build stays
deterministic.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

LINK = re.compile(r'<link rel="stylesheet" href="([^"<>]+)">[ \t]*\n?')
CHARSET = re.compile(r'^\s*@charset "[^"]*";\s*', re.IGNORECASE)
FOLDER = "assets/stylesheets"


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


def bundle(contents: list[str]) -> tuple[str, str]:
    """(file name, CSS) of the concatenation; one `@charset` at the top, as CSS allows it only there."""
    body = "\n".join(CHARSET.sub("", css).rstrip() for css in contents) + "\n"
    css = '@charset "UTF-8";\n' + body
    return f"{FOLDER}/bundle.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css", css


def merge_links(html: str, page_path: str, read: Callable[[str], str | None], root: str = "/") -> tuple[str, tuple[str, str] | None]:
    """The page with its head's stylesheet links merged into one, and the (path, CSS) of the merged file.

    `page_path` is where the page is written (`videos/index.html`) in the site at `root`; `read` gives the
    text of a site file by its path, or None. A page with fewer than two links, or a link
    to anything but a file of the site, is returned as it is (with None).
    """
    head_end = html.find("</head>")
    links = list(LINK.finditer(html, 0, head_end if head_end >= 0 else 0))
    if len(links) < 2:
        return html, None
    paths = [site_path(link.group(1), page_path, root) for link in links]
    contents = [read(path) if path else None for path in paths]
    first_href, first_path = links[0].group(1), paths[0]
    if any(text is None for text in contents) or not first_path or not first_href.endswith(first_path):
        return html, None
    name, css = bundle([text for text in contents if text is not None])
    # The new link is written as the first one was (relative, or from the root).
    href = first_href[: len(first_href) - len(first_path)] + name
    pieces, end = [], 0
    for n, link in enumerate(links):
        pieces.append(html[end : link.start()])
        if n == 0:
            pieces.append(f'<link rel="stylesheet" href="{href}">\n')
        end = link.end()
    pieces.append(html[end:])
    return "".join(pieces), (name, css)
