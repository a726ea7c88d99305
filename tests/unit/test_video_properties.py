"""Properties of `mkdocs_postkit.video` over generated input (hypothesis), control characters included.

Whatever the title, caption, URL or option, in whichever syntax and container,
the output parses to only the elements and attributes postkit and Markdown
write, leads only to players on `PLAYER_HOSTS`, and (with `frames: link`) holds
no frame; with the default `frames: keep`, a frame that is not a video stays
exactly as written. A few examples are also built as pages of a real site.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_postkit.video import VideoExtension
from mkdocs_postkit.video.sources import PLAYER_HOSTS, is_video_address, runs_script
from support.safety import FRAGMENT_TAGS, assert_safe_fragment, assert_safe_page, read
from support.sites import build_site

SCRIPT_JS = Path(__file__).parents[2] / "mkdocs_postkit" / "assets" / "postkit.js"
EXTENSIONS = ["toc", "attr_list", "admonition", "def_list", "footnotes", "md_in_html", "tables", "pymdownx.superfences"]

# Markup characters are drawn often, so that escaping is exercised in most examples.
markup = st.sampled_from(
    [*list("<>\"'&=/;:` \t\n()[]{}#*\\"), "onload=", "javascript:", "</iframe>", "<!--", "-->", "<!-->", "&amp;", "&#0;", "é", "\u202e"]
)
text = st.lists(markup | st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30).map("".join)
line = text.map(lambda t: " ".join(t.split()))  # one line of it
ids = st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True) | st.text("abcXYZ019-_", max_size=14)
hosts = st.sampled_from(
    ["www.youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "player.vimeo.com", "evil.example", "youtube.com.evil.example", ""]
)
urls = st.one_of(
    st.builds(
        lambda scheme, host, path, query: f"{scheme}{host}/{path}?{query}",
        st.sampled_from(["https://", "http://", "javascript:", "data:", "//", "", "\x01//", " https://"]),
        hosts,
        text,
        text,
    ),
    st.builds(lambda vid, query: f"https://youtu.be/{vid}?t={query}", ids, text),
    st.builds(lambda vid: f"https://www.youtube.com/embed/{vid}", ids),
    st.builds(lambda vid: f"https://www.youtube.com/playlist?list={vid}", ids),
    st.builds(lambda vid: f"https://vimeo.com/{vid}", st.integers(0, 10**13).map(str)),
    st.builds(lambda name: f"/media/{name}.mp4", text),
    text,
)
option_values = text | st.integers(-(10**30), 10**30).map(str) | st.sampled_from(["16:9", "9/16", "1m30s", "x.png", "1e400"])
options = st.dictionaries(st.sampled_from(["title", "start", "end", "aspect", "poster", "onload", "src"]), option_values, max_size=4)
containers = st.sampled_from(
    ["{}", "!!! note\n    {}", "- {}", "1. a\n\n    {}", "> {}", "Term\n:   {}", "| a |\n|---|\n| {} |", "<div markdown>\n{}\n</div>"]
)


def render(source: str, frames: str = "link") -> str:
    return markdown.Markdown(extensions=[*EXTENSIONS, VideoExtension(frames=frames)]).convert(source)


def yaml_string(value: str) -> str:
    return json.dumps(value)  # JSON strings are YAML strings


quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@quick
@given(url=urls, title=text, extra=text, container=containers)
def test_pasted_iframe(url, title, extra, container):
    tag = f'<iframe src="{escape(url)}" title="{escape(title)}" data-x="{escape(extra)}"></iframe>'
    assert_safe_fragment(render(container.format(tag)), allowed=frozenset({"iframe[data-x]"}))


@quick
@given(
    url=urls.map(lambda u: " ".join(u.split())),
    given_options=options,
    caption=text,
    container=st.sampled_from(["{}", "!!! note\n{}", "- a\n\n{}"]),
)
def test_block(url, given_options, caption, container):
    lines = [
        f"/// video | {url}",
        *(f"    {name}: {yaml_string(value)}" for name, value in given_options.items()),
        "",
        caption.replace("<", ""),
        "///",
    ]
    indent = "    " if container != "{}" else ""
    block = "\n".join(indent + line for line in lines)
    assert_safe_fragment(render(container.format(block.lstrip() if indent else block)))


@quick
@given(url=urls, title=line.filter(lambda t: '"' not in t), container=containers, words=line)
def test_image_syntax(url, title, container, words):
    url_token = re.sub(r"[\s()<>]", "", url)
    html = render(container.format(f'![type:video]({url_token} "{title}")') + f"\n\n{words} ![type:video]({url_token}) inline.\n")
    assert_safe_fragment(html)


@quick
@given(
    source=st.lists(
        markup | text | st.sampled_from(["<iframe src=https://youtu.be/v-zudK5KnWY>", "\n\n", "/// video | ", "![type:video]("]),
        max_size=20,
    )
)
def test_any_text_at_all(source):
    """Arbitrary text, with fragments of each syntax: no crash, no frame, and nothing unsafe that
    Markdown alone does not write (a stray `<` an author typed is passed through by Markdown itself)."""
    text = "".join(source)
    with_postkit, without = read(render(text)), read(markdown.Markdown(extensions=EXTENSIONS).convert(text))
    assert not with_postkit.frames, with_postkit.frames
    assert set(with_postkit.problems) <= set(without.problems), with_postkit.problems
    assert with_postkit.tags - without.tags <= FRAGMENT_TAGS


@quick
@given(url=urls, title=text)
def test_a_frame_that_is_not_a_video_stays_as_written(url, title):
    page = f'Intro.\n\n<iframe src="{escape(url)}" title="{escape(title)}"></iframe>\n'
    html = render(page, frames="keep")
    if is_video_address(url) or runs_script(url):  # a player, or (javascript:, data:…) text and a warning
        assert "<iframe" not in html
    else:
        assert html == markdown.Markdown(extensions=EXTENSIONS).convert(page)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.tuples(urls, text, containers), min_size=6, max_size=6))
def test_whole_pages_of_a_real_site(tmp_path_factory, pages):
    files = {"baseline.md": "# Baseline\n\n## Part\n\nText.\n"}
    for number, (url, title, container) in enumerate(pages):
        tag = f'<iframe src="{escape(url)}" title="{escape(title)}"></iframe>'
        image = "![type:video]({} {})".format(re.sub(r"[\s()<>]", "", url), json.dumps(" ".join(title.split()).replace('"', "")))
        files[f"p{number}.md"] = f"# Page {number}\n\n## {escape(title)}\n\n{container.format(tag)}\n\n{container.format(image)}\n"
    config = "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in EXTENSIONS) + "  - mkdocs_postkit.video:\n      frames: link\n"
    site = build_site(tmp_path_factory.mktemp("site"), files, config=config + "plugins: [search, postkit]\n")
    baseline = (site / "baseline" / "index.html").read_text("utf-8")
    for number in range(len(pages)):
        assert_safe_page((site / f"p{number}" / "index.html").read_text("utf-8"), baseline)


def test_the_script_creates_players_only_on_the_same_hosts():
    script = SCRIPT_JS.read_text("utf-8")
    listed = re.search(r"const HOSTS = \[(.*?)\]", script)
    assert listed is not None
    assert tuple(re.findall(r'"([^"]+)"', listed[1])) == PLAYER_HOSTS
    assert 'url.protocol !== "https:" || !HOSTS.includes(url.hostname)' in script
