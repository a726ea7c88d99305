"""Properties of `postkit.video` over generated input (hypothesis).

Whatever the title, caption or URL, the output is well-formed, carries only
the attributes postkit writes, and can only ever lead to a player on
`PLAYER_HOSTS`. (Raw HTML that an author types into a caption is Markdown's
business and passes through as in any page, so captions here hold no `<`.)
"""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postkit.video.sources import PLAYER_HOSTS

VOID = {"img", "source", "br", "hr", "input"}
ATTRIBUTES = {"class", "id", "data-title", "href", "data-embed", "style", "src", "alt", "loading", "decoding"}
ATTRIBUTES |= {"aria-hidden", "controls", "preload", "poster", "aria-label", "type"}
URL_ATTRIBUTES = {"href", "src", "data-embed", "poster"}
SCRIPT_JS = Path(__file__).parents[2] / "postkit" / "assets" / "postkit.js"

# Markup characters are drawn often, so that escaping is exercised in most examples.
markup = st.sampled_from([*list("<>\"'&=/;: "), "onload=", "javascript:", "</figure>", "&amp;", "é", "\u202e"])
text = st.lists(markup | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30).map("".join)
ids = st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True) | st.text("abcXYZ019-_", max_size=14)
hosts = st.sampled_from(
    ["www.youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "player.vimeo.com", "evil.example", "youtube.com.evil.example", ""]
)
urls = st.one_of(
    st.builds(
        lambda scheme, host, path, query: f"{scheme}{host}/{path}?{query}",
        st.sampled_from(["https://", "http://", "javascript:", "data:", "//", ""]),
        hosts,
        text,
        text,
    ),
    st.builds(lambda vid, query: f"https://youtu.be/{vid}?t={query}", ids, text),
    st.builds(lambda vid: f"https://www.youtube.com/embed/{vid}", ids),
    st.builds(lambda vid: f"https://vimeo.com/{vid}", st.integers(0, 10**13).map(str)),
    text,
)


class Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.iframes = 0

    def handle_starttag(self, tag, attrs):
        self.iframes += tag == "iframe"
        for name, value in attrs:
            if tag in ("figure", "a", "span", "img", "video", "source", "code") and name not in ATTRIBUTES:
                self.problems.append(f"unexpected attribute {name} on {tag}")
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name in URL_ATTRIBUTES and value and urlsplit(value.strip()).scheme.lower() not in ("", "https"):
                self.problems.append(f"{name}={value!r}")
            if name == "data-embed" and urlsplit(value or "").hostname not in PLAYER_HOSTS:
                self.problems.append(f"player on {value!r}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check(html: str) -> None:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, (checker.problems, html)
    assert not checker.stack, (checker.stack, html)
    assert checker.iframes == 0, html


def render(source: str) -> str:
    return markdown.Markdown(extensions=["postkit.video", "toc"]).convert(source)


quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(url=urls, title=text)
def test_pasted_iframe(url, title):
    check(render(f'## Heading\n\n<iframe src="{escape(url)}" title="{escape(title)}"></iframe>\n'))


@quick
@given(
    url=urls,
    title=text,
    caption=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="<&"), max_size=60),
)
def test_block(url, title, caption):
    url_line = " ".join(url.split())  # the block argument is one line
    check(render(f"/// video | {url_line}\n    title: {json.dumps(title)}\n\n{caption}\n///\n"))


@quick
@given(url=urls, title=text.filter(lambda t: '"' not in t and "\n" not in t))
def test_image_syntax(url, title):
    url_token = re.sub(r"[\s()<>]", "", url)
    check(render(f'## H\n\n![type:video]({url_token} "{title}")\n\nText ![type:video]({url_token}) inline.\n'))


def test_the_script_creates_players_only_on_the_same_hosts():
    script = SCRIPT_JS.read_text("utf-8")
    listed = re.search(r"const HOSTS = \[(.*?)\]", script)
    assert listed is not None
    assert tuple(re.findall(r'"([^"]+)"', listed[1])) == PLAYER_HOSTS
    assert 'url.protocol !== "https:" || !HOSTS.includes(url.hostname)' in script
