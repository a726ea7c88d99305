"""What "safe HTML" means in these tests, checked with a real tokenizer over a fragment or a whole page.

- no element, attribute or script that is not allowed (for a whole page: that the page without
  the case does not have too);
- no `on*` handler, no address with a scheme other than http(s) (after the control characters and
  spaces browsers drop), no player outside the player hosts;
- no frame from another site where a site asks for none, and no unescaped `<` in text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from mkdocs_postkit.video.sources import PLAYER_HOSTS, is_first_party

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "path"}
URL_ATTRIBUTES = {"href", "src", "poster", "data-embed", "action", "formaction", "data", "srcset", "xlink:href"}
FRAMES = {"iframe", "frame", "embed", "object"}
STYLE = re.compile(r"--postkit-aspect: \d+(?:\.\d+)? / \d+(?:\.\d+)?")
DROPPED = re.compile(r"[\x00-\x20]")
# What postkit, Python-Markdown and the extensions the corpus uses write.
FRAGMENT_TAGS = set(
    [
        "p",
        "a",
        "span",
        "code",
        "figure",
        "figcaption",
        "img",
        "video",
        "source",
        "div",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "em",
        "strong",
        "pre",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "dl",
        "dt",
        "dd",
        "sup",
        "hr",
        "label",
        "input",
        "section",
        "br",
        "b",
        "i",
        "del",
        "ins",
        "abbr",
    ]
)
FRAGMENT_ATTRIBUTES = set(
    [
        "class",
        "id",
        "href",
        "src",
        "alt",
        "loading",
        "decoding",
        "poster",
        "type",
        "controls",
        "preload",
        "style",
        "title",
        "data-title",
        "data-embed",
        "data-label",
        "data-print",
        "data-search-exclude",
        "aria-label",
        "aria-hidden",
        "muted",
        "loop",
        "autoplay",
        "role",
        "rel",
        "name",
        "checked",
        "for",
        "open",
        "colspan",
        "align",
        "start",
        "data-tabs",
    ]
)


@dataclass
class Report:
    tags: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (tag, attribute)
    scripts: list[str] = field(default_factory=list)  # each script's attributes and text
    frames: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # so that an unescaped `<` in text stays visible
        self.report = Report()
        self.in_script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        report = self.report
        report.tags.add(tag)
        values = dict(attrs)
        source = values.get("data" if tag == "object" else "src") or ""
        if tag in FRAMES and not (is_first_party(source) and "srcdoc" not in values):  # a page of this site is no third party
            report.frames.append(self.get_starttag_text() or tag)
        for name, value in attrs:
            report.pairs.add((tag, name))
            value = value or ""
            if name.startswith("on"):
                report.problems.append(f"handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES:
                scheme = urlsplit(DROPPED.sub("", value)).scheme.lower() if value else ""
                if scheme not in ("", "http", "https", "mailto"):
                    report.problems.append(f"{name}={value[:80]!r} on <{tag}>")
            if name == "data-embed" and urlsplit(value).hostname not in PLAYER_HOSTS:
                report.problems.append(f"player on {value[:80]!r}")
            if name == "style" and tag in ("a", "video", "button") and not STYLE.fullmatch(value):
                report.problems.append(f"style={value[:80]!r} on <{tag}>")
        if tag == "script":
            self.in_script = [repr(sorted(attrs))]

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script is not None:
            self.report.scripts.append("".join(self.in_script))
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.in_script.append(data)
        elif self.cdata_elem:  # a <style>'s text
            pass
        elif "<" in data:
            self.report.problems.append(f"unescaped '<' in text: {data[:80]!r}")
        else:
            self.report.texts.append(data)


def read(html: str) -> Report:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.report


def assert_safe_fragment(html: str, frames_allowed: bool = False, allowed: frozenset[str] = frozenset()) -> Report:
    """A rendered Markdown document: only the expected elements and attributes (and `allowed`: the author's own)."""
    report = read(html)
    assert not report.problems, report.problems[:5]
    assert not report.scripts, report.scripts[:3]
    assert frames_allowed or not report.frames, f"a frame reached the page: {report.frames[:3]}"
    unexpected_tags = report.tags - FRAGMENT_TAGS - allowed - FRAMES  # frames are checked above
    assert not unexpected_tags, f"unexpected elements {sorted(unexpected_tags)}"
    unexpected = {f"{tag}[{name}]" for tag, name in report.pairs if name not in FRAGMENT_ATTRIBUTES and f"{tag}[{name}]" not in allowed}
    assert not unexpected, f"unexpected attributes {sorted(unexpected)}"
    return report


def assert_safe_page(page: str, baseline: str, allowed_tags: set[str] | None = None, allowed: frozenset[str] = frozenset()) -> Report:
    """A whole built page (article, TOC, sidebar, scripts) against the same site's page without the case."""
    report, base = read(page), read(baseline)
    assert not report.problems, report.problems[:5]
    assert report.scripts == base.scripts, "the page's scripts are the theme's, and only those"
    assert not report.frames, f"a frame reached the page: {report.frames[:3]}"
    new_tags = report.tags - base.tags - (allowed_tags if allowed_tags is not None else FRAGMENT_TAGS) - FRAMES  # checked above
    assert not new_tags, f"unexpected elements {sorted(new_tags)}"
    new_pairs = {f"{tag}[{name}]" for tag, name in report.pairs - base.pairs if name not in FRAGMENT_ATTRIBUTES} - allowed
    assert not new_pairs, f"unexpected attributes {sorted(new_pairs)}"
    return report


def elements(html: str, tag: str) -> list[dict[str, str]]:
    """The attributes of every `tag` element of `html`, read by a tokenizer (plus its text, as `"#text"`)."""
    found: list[dict[str, str]] = []
    open_: list[dict[str, str]] = []

    class Finder(HTMLParser):
        def handle_starttag(self, name, attrs):
            if name == tag:
                found.append({key: value or "" for key, value in attrs} | {"#text": ""})
                open_.append(found[-1])

        def handle_endtag(self, name):
            if name == tag and open_:
                open_.pop()

        def handle_data(self, data):
            for element in open_:
                element["#text"] += data

    finder = Finder(convert_charrefs=True)
    finder.feed(html)
    finder.close()
    return found
