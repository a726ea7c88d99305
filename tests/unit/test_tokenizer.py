"""`find_frames` reads raw HTML as a browser does: what is a live frame, and where it ends."""

from __future__ import annotations

import pytest

from mkdocs_postkit.video.tokenizer import Context, closes, find_frames


@pytest.mark.parametrize(
    ("tag", "attributes"),
    [
        ('<iframe src="https://a" title="T"></iframe>', {"src": "https://a", "title": "T"}),
        ("<IFRAME SRC='https://a' Title=T allowfullscreen>", {"src": "https://a", "title": "T", "allowfullscreen": ""}),
        ('<iframe\n  src = "https://a?x=1&amp;y=2"\n  title="a &gt; b">', {"src": "https://a?x=1&y=2", "title": "a > b"}),
        ('<iframe title="a > b" src="https://a">', {"title": "a > b", "src": "https://a"}),  # `>` inside quotes
        ('<iframe src="https://a" src="javascript:alert(1)">', {"src": "https://a"}),  # the first one counts, as in browsers
        ('<iframe/src="https://a"/>', {"src": "https://a"}),
        ("<iframe>", {}),
    ],
)
def test_attributes_are_read_as_a_browser_reads_them(tag, attributes):
    assert [frame.attributes for frame in find_frames(tag)] == [attributes]


def sources_of(html: str) -> list[str]:
    return [frame.attributes.get("src", "") for frame in find_frames(html)]


@pytest.mark.parametrize(
    ("html", "live"),
    [
        ("no tag at all", []),
        ("<!-- <iframe src=a></iframe> -->", []),
        ("<!--> <iframe src=a></iframe> -->", ["a"]),  # `<!-->` is a whole (empty) comment
        ("<!---> <iframe src=a></iframe>", ["a"]),
        ("<!-- x --!> <iframe src=a></iframe>", ["a"]),  # `--!>` ends a comment too
        ("<!-- never closed <iframe src=a></iframe>", []),
        ("<script>'<iframe src=a>'</script><iframe src=b>", ["b"]),
        ("<script>x</script x><iframe src=b>", ["b"]),  # an end tag may carry attributes
        ("<script-x><iframe src=a></iframe></script-x>", ["a"]),  # not a script
        ("<style>a{}</style ><iframe src=b></iframe>", ["b"]),
        ("<textarea><iframe src=a></textarea><iframe src=b>", ["b"]),
        ("<title><iframe src=a></title>", []),
        ('<div title="<!--" data-x="<script>"><iframe src=a></iframe></div>', ["a"]),  # markup inside quotes is a value
        ('<div title="x <iframe src=a></iframe>', []),  # an unterminated quote runs to the end
        ("<div x=<iframe src=a></iframe>", []),  # `<iframe` is an unquoted value
        ("<a <iframe src=a></iframe>", []),  # an attribute name
        ("< iframe src=a></iframe>", []),  # text
        ('<iframe src=a title="</iframe><iframe src=b>"></iframe>', ["a"]),  # a quoted end tag is a value
        ("<iframe src=a><iframe src=b></iframe>", ["a"]),  # an iframe's content is text
        ("<iframe src=a/><iframe src=b></iframe>", ["a/"]),  # `/>` does not close it
        ("<![CDATA[ <iframe src=a> ]]>", []),  # a bogus comment up to the first `>`
        ("<?php <iframe src=a> ?>", []),
        ("<!DOCTYPE html><iframe src=a>", ["a"]),
        ("<object data=a><embed src=b></object>", ["", "b"]),
    ],
)
def test_only_live_frames_are_found(html, live):
    assert sources_of(html) == live


def test_a_frame_ends_with_its_end_tag_or_at_the_end_of_the_source():
    html = '<iframe src=a title="</iframe>">text</iframe>after'
    (frame,) = find_frames(html)
    assert html[frame.start : frame.end] == '<iframe src=a title="</iframe>">text</iframe>' and frame.closed
    (open_frame,) = find_frames("<p><iframe src=a><script>alert(1)</script>")
    assert open_frame.end == len("<p><iframe src=a><script>alert(1)</script>") and not open_frame.closed


def test_context_decides_whether_a_player_fits():
    (in_p,) = find_frames("<p>Watch <iframe src=a></iframe></p>")
    (in_div,) = find_frames("<div><iframe src=a></iframe></div>")
    (in_template,) = find_frames("<template><iframe src=a></iframe></template>")
    (in_pre,) = find_frames("<pre><iframe src=a></iframe></pre>")
    assert not in_p.player_fits and in_div.player_fits and in_div.depth == 1
    assert in_template.inert and not in_pre.inert and in_pre.no_player


def test_closes():
    assert closes("</iframe>") and closes("</IFRAME >") and closes("</object>", "object")
    assert not closes("</iframe>x") and not closes("<b>") and not closes("</div>") and not closes("</iframe>", "object")


def test_context_carries_raw_text_and_templates_from_one_piece_to_the_next():
    context = Context()
    assert find_frames("<textarea>", context) == [] and context.raw_text == "textarea"
    assert find_frames("<iframe src=a></iframe>", context) == []  # still the textarea's text
    assert sources_of_in("</textarea><iframe src=b>", context) == ["b"] and context.raw_text == "iframe"
    context = Context()
    find_frames("<template>", context)
    (inert,) = find_frames("<iframe src=a></iframe>", context)
    assert inert.inert
    find_frames("</template>", context)
    (live,) = find_frames("<iframe src=b></iframe>", context)
    assert not live.inert and context.templates == 0


def sources_of_in(html: str, context: Context) -> list[str]:
    return [frame.attributes.get("src", "") for frame in find_frames(html, context)]


def test_open_elements_are_counted_through_stray_and_nested_end_tags():
    # The counts that stand in for searching the stack: what is open around each frame.
    html = "<p><span></b></i><code><embed src=a></code></span><embed src=b></p></p><template><embed src=c></template><embed src=d>"
    frames = find_frames(html)
    assert [f.attributes["src"] for f in frames] == ["a", "b", "c", "d"]
    assert [(f.player_fits, f.no_player, f.inert, f.depth) for f in frames] == [
        (False, True, False, 3),
        (False, False, False, 1),
        (True, False, True, 1),
        (True, False, False, 0),
    ]


YT = '<iframe src="https://www.youtube.com/embed/v-zudK5KnWY">'


@pytest.mark.parametrize(
    ("html", "live"),
    [
        # In <svg> and <math>, <style> and the rest are not raw text: their content is markup.
        ("<svg><style><p></p><iframe src=a></iframe></style></svg>", ["a"]),  # <p> breaks out into HTML
        ("<div><svg><style></svg><iframe src=a></iframe></style></div>", ["a"]),
        ("<math><style><b>x</b><iframe src=a></iframe></style></math>", ["a"]),
        ("<svg><title><iframe src=a></iframe></title></svg>", ["a"]),  # <title> is an HTML integration point
        ("<svg><iframe src=a></iframe></svg>", []),  # an SVG element named iframe: no frame
        ("<svg><font color=red><iframe src=a></iframe></svg>", ["a"]),  # <font color> breaks out
        ("<svg><font><iframe src=a></iframe></svg>", []),
        ("<svg></p><iframe src=a></iframe></svg>", ["a"]),  # `</p>` breaks out too
        ("<svg/><style><iframe src=a></iframe></style>", []),  # a self-closed <svg>: the <style> is HTML's
        ("<svg><foreignObject><style><iframe src=a></iframe></style></foreignObject></svg>", []),
        ("<svg><foreignObject><iframe src=a></iframe></foreignObject></svg>", ["a"]),
        ("<math><mi><style><iframe src=a></iframe></style></mi></math>", []),  # <mi> is a text integration point
        ("<math><annotation-xml><style><b></b><iframe src=a></iframe></style></annotation-xml></math>", ["a"]),
        ('<math><annotation-xml encoding="text/html"><iframe src=a></iframe></annotation-xml></math>', ["a"]),
        ("<svg><![CDATA[ </svg> ]]><iframe src=a></iframe></svg>", []),  # a real CDATA section in foreign content
        ("<svg></svg><style><iframe src=a></iframe></style>", []),
    ],
)
def test_foreign_content_is_read_as_a_browser_reads_it(html, live):
    assert sources_of(html) == live


def test_foreign_content_is_carried_from_one_piece_to_the_next():
    context = Context()
    for piece in ("<svg>", "<style>", "<p>"):
        assert find_frames(piece, context) == []
    assert sources_of_in(YT, context) == ["https://www.youtube.com/embed/v-zudK5KnWY"]
    context = Context()
    find_frames("<svg>", context)
    find_frames("</svg>", context)
    find_frames("<style>", context)
    assert find_frames(YT, context) == []  # the <style> after the <svg> is raw text again


def test_an_svg_template_is_no_template():
    (live,) = find_frames("<svg><template><foreignObject><iframe src=a></iframe></foreignObject></template></svg>")
    assert not live.inert
    context = Context()
    find_frames("<template><svg>", context)
    find_frames("</svg>", context)
    (inert,) = find_frames("<iframe src=a></iframe>", context)  # the HTML <template> is still open
    assert inert.inert
