"""No request to the video host (nor, with `frames: link`, to any host) before the reader clicks.

Raw HTML rendered through Python-Markdown in both frame modes: what stays of each
frame, and the warning that tells the author what happened and what to do.
"""

from __future__ import annotations

import logging
import re

import markdown
import pytest

from mkdocs_postkit.video import VideoExtension
from support.sites import warnings_of

ID = "v-zudK5KnWY"
YT = f'<iframe src="https://www.youtube.com/embed/{ID}" title="Talk"></iframe>'
# A frame, embed or object element a browser would load: any left in the output is a request.
LIVE = re.compile(r"<(?:iframe|frame|embed|object)\b", re.IGNORECASE)


def render(text: str, frames: str, caplog) -> tuple[str, list[str]]:
    caplog.clear()
    caplog.set_level(logging.WARNING)
    html = markdown.Markdown(extensions=["md_in_html", VideoExtension(frames=frames)]).convert(text)
    return html, warnings_of(caplog)


def facades(html: str) -> int:
    return html.count('class="postkit-video__facade"')


MODES = pytest.mark.parametrize("frames", ["keep", "link"])


@MODES
@pytest.mark.parametrize(
    "text",
    [
        f"<svg><style><p></p>{YT}</style></svg>",  # <p> breaks out of the <svg>: the iframe is live
        f"<div><svg><style></svg>{YT}</style></div>",
        f"<div>\n<math><style><b>x</b>{YT}</style></math>\n</div>",
        f"<div>\n<svg><title>{YT}</title></svg>\n</div>",  # an integration point: HTML inside
    ],
)
def test_a_frame_in_foreign_content_is_found(text, frames, caplog):
    html, _ = render(text, frames, caplog)
    assert not LIVE.search(html), html
    assert facades(html) == 1 or "postkit-video-fallback" in html, html


@MODES
@pytest.mark.parametrize("text", [f"<pre>{YT}</pre>", f"<pre><code>{YT}</code></pre>", f"<div>\n<noscript>{YT}</noscript>\n</div>"])
def test_a_video_where_no_player_fits_becomes_a_link_with_a_warning(text, frames, caplog):
    html, warnings = render(text, frames, caplog)
    assert not LIVE.search(html), html
    assert f'href="https://www.youtube.com/embed/{ID}"' in html, html
    assert len(warnings) == 1 and "inside <pre>, <code> or <noscript>" in warnings[0], warnings


@MODES
@pytest.mark.parametrize(
    "text",
    [
        f'<div>\n<embed src="https://www.youtube.com/embed/{ID}">\n</div>',
        f'<div>\n<embed src="https://www.youtube.com/v/{ID}" type="application/x-shockwave-flash">\n</div>',
        f'<div>\n<object data="https://www.youtube-nocookie.com/embed/{ID}">its own text</object>\n</div>',
        '<div>\n<object data="https://player.vimeo.com/video/76979871"><p>its own text</p></object>\n</div>',
        f'<div>\n<frameset><frame src="https://www.youtube.com/embed/{ID}"></frameset>\n</div>',
    ],
)
def test_embed_object_and_frame_of_a_video_become_a_player(text, frames, caplog):
    html, warnings = render(text, frames, caplog)
    assert not LIVE.search(html), html
    assert facades(html) == 1 and warnings == [], (html, warnings)
    assert "its own text" not in html and "</object>" not in html, html  # the whole element is replaced


def test_frames_link_replaces_an_object_with_its_content(caplog):
    html, warnings = render('<div>\n<object data="https://maps.example/x"><p>its own text</p></object>\n</div>', "link", caplog)
    assert not LIVE.search(html) and "</object>" not in html and "its own text" not in html, html
    assert len(warnings) == 1, warnings


@MODES
@pytest.mark.parametrize(
    "src", ["javascript:alert(1)", " JaVa&#x09;Script:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:x"]
)
def test_a_frame_whose_address_runs_script_is_not_kept(src, frames, caplog):
    html, warnings = render(f'<div>\n<iframe src="{src}"></iframe>\n</div>', frames, caplog)
    assert not LIVE.search(html) and "<a " not in html, html
    assert len(warnings) == 1 and "runs script" in warnings[0], warnings


@pytest.mark.parametrize("text", ["<iframe></iframe>", '<iframe srcdoc="&lt;b&gt;hi"></iframe>', '<iframe src="/x" srcdoc="hi"></iframe>'])
def test_frames_link_says_why_a_frame_without_an_address_goes(text, caplog):
    html, warnings = render(f"<div>\n{text}\n</div>", "link", caplog)
    assert not LIVE.search(html), html
    assert len(warnings) == 1 and "outside this site" not in warnings[0] and "(frames: link)" in warnings[0], warnings


@MODES
def test_an_inline_object_is_replaced_up_to_its_end_tag(frames, caplog):
    # Markdown stashes `<object …>` and `</object>` apart: the fallback content between them goes too.
    html, warnings = render(f'Text <object data="https://www.youtube.com/embed/{ID}">its own text</object> more.', frames, caplog)
    assert not LIVE.search(html) and "</object>" not in html and "its own text" not in html, html
    assert "Text <a" in html and "</a> more." in html and len(warnings) == 1 and "<object>" in warnings[0], (html, warnings)


@MODES
@pytest.mark.parametrize(
    "text",
    [
        f'Text <a href="https://example.org/">{YT}</a> more.',
        f'<div>\n<a href="https://example.org/">{YT}</a>\n</div>',
        f"[{YT}](https://example.org/)",
    ],
)
def test_a_frame_inside_a_link_leaves_no_link_inside_a_link(text, frames, caplog):
    html, _ = render(text, frames, caplog)
    assert not LIVE.search(html) or frames == "keep", html
    assert html.count("<a ") == 1, html  # the author's link only: links do not nest


@MODES
def test_markdown_own_tags_close_an_svg_left_open(frames, caplog):
    # The paragraph's </p> ends the <svg> of the first: the <style> after it is raw text again, which
    # a `</style>` inside an attribute value ends, so that the iframe is live.
    text = f'A <svg> left open.\n\n<style><p title="</style>{YT}"></p></style>\n'
    html, _ = render(text, frames, caplog)
    assert not LIVE.search(html), html


@pytest.mark.parametrize(
    ("language", "text", "said"),
    [
        ("de", '<iframe src="https://maps.example/embed?q=1"></iframe>', "Eingebetteter Inhalt"),  # no title: named in the page's words
        ("ja", '<iframe src="https://maps.example/embed?q=1"></iframe>', "埋め込みコンテンツ"),
        ("de", '<iframe src="javascript:alert(1)" title="Karte"></iframe>', "Karte (nicht angezeigt: <code>javascript:alert(1)</code>)"),
        ("en", '<iframe src="javascript:alert(1)" title="Map"></iframe>', "Map (not shown: <code>javascript:alert(1)</code>)"),
        ("en", f'<pre><iframe src="https://www.youtube.com/embed/{ID}"></iframe></pre>', ">Video</a>"),  # a video is still a video
    ],
)
def test_another_sites_frame_is_named_in_the_readers_language_and_not_called_a_video(language, text, said, caplog):
    caplog.clear()
    html = markdown.Markdown(extensions=["md_in_html", VideoExtension(frames="link", language=language)]).convert(text)
    assert said in html
    assert "Embedded content" not in html or language == "en"
    assert "unavailable" not in html and "nicht verfügbar" not in html
