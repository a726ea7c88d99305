"""The pure navigation functions: part numbers, reading time, anchors, the videos index."""

import pytest

from mkdocs_postkit.anchors import slugify, unique
from mkdocs_postkit.messages import Messages
from mkdocs_postkit.navigation import (
    Part,
    VideoLink,
    number_parts,
    position_html,
    reading_minutes,
    videos_index_html,
    videos_page_html,
)
from mkdocs_postkit.pages import insert_after_title, read_page, replace_markers

EN = Messages()
WORDS = "<p>" + "word " * 220 + "</p>"  # a minute's worth: one word more is two minutes


def minutes(html: str, words_per_minute: int = 220, videos: int = 0) -> int:
    """Reading time as the engines compute it: the words the page reader counts."""
    return reading_minutes(read_page(html).words, words_per_minute, videos)


FIGURE = '<figure class="postkit-video" data-title="{title}" id="{id}"><a class="postkit-video__facade" href="#">x</a></figure>'


def test_parts_follow_nav_order_and_renumber_when_a_page_is_added():
    assert number_parts(["index.md", "a.md", "b.md"]) == {"index.md": Part(1, 3), "a.md": Part(2, 3), "b.md": Part(3, 3)}
    assert number_parts(["index.md", "new.md", "a.md", "b.md"])["a.md"] == Part(3, 4)
    assert number_parts([]) == {}


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("", 1),
        ("<p>" + "word " * 220 + "</p>", 1),
        ("<p>" + "word " * 221 + "</p>", 2),
        ("<p>" + "word " * 1000 + "</p>", 5),
        ("<p>" + "word<em>s</em> " * 221 + "</p>", 2),  # a tag inside a word does not split it
        ("<p>" + "word<em>s</em>" * 221 + "</p>", 1),
        ("<p>" + "word</p>\n<p>" * 221 + "</p>", 2),  # blocks are apart
    ],
)
def test_reading_minutes(html, expected):
    assert minutes(html) == expected


def test_videos_add_viewing_time():
    text = "<p>" + "w " * 200 + "</p>"
    assert minutes(text) == 1
    assert minutes(text, videos=2) == 2
    assert minutes(text, words_per_minute=100) == 2


def test_reading_minutes_counts_text_not_markup():
    assert minutes('<a href="' + "x " * 1000 + '">link</a>') == 1


@pytest.mark.parametrize(
    "hidden",
    [
        '<img alt="a > b' + " leak" * 30 + '">',  # an attribute's value holding `>`
        "<!-- a note: x > y" + " leak" * 30 + " -->",
        "<!-- <p>" + " leak" * 30 + "</p> -->",
        "<script>if (a < b) { console.log(1); }" + " leak" * 30 + "</script>",
        "<style>p > a { color: red }" + " leak" * 30 + "</style>",
        "<template><p>" + " leak" * 30 + "</p></template>",
    ],
)
def test_reading_minutes_count_only_the_text_a_reader_sees(hidden):
    assert minutes(WORDS + hidden) == minutes(hidden + WORDS) == 1
    assert minutes(WORDS + hidden + "<p>one more</p>") == 2  # what follows it is read again


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>" + "word&#32;" * 221 + "</p>", 2),  # a reference to a space is a space
        ("<p>" + "word&nbsp;" * 221 + "</p>", 2),  # and a no-break space still parts two words
        ("<p>" + "a&lt;b&amp;c " * 221 + "</p>", 2),  # other references are characters of a word
        ("<p>" + "a < b " * 74 + "</p>", 2),  # a `<` that opens no tag is text, and so is what follows
    ],
)
def test_reading_minutes_read_text_as_a_browser_does(html, expected):
    assert minutes(html) == expected


def test_words_are_counted_exactly():
    html = (
        '<h1 id="t">A title</h1>\n<p>One <em>two</em>, thr<b>ee</b>&nbsp;four <code>&lt;five&gt;</code></p><script>no</script>\n<p>six</p>'
    )
    assert read_page(html).words == 8


def test_position_line():
    line = '<p class="postkit-position" data-search-exclude>{}</p>'
    assert position_html(Part(2, 5), 3, EN) == line.format('Part 2 of 5 <span aria-hidden="true">&middot;</span> 3 min read')
    assert position_html(Part(2, 5), None, EN) == line.format("Part 2 of 5")
    assert position_html(Part(2, 5), 3, Messages("de", {"reading_time": ""})) == line.format("Teil 2 von 5")
    assert position_html(Part(2, 5), 3, Messages("en", {"part": "", "reading_time": ""})) == ""
    assert position_html(Part(1, 2), None, Messages("en", {"part": "<b>{number}</b>"})) == line.format("&lt;b&gt;1&lt;/b&gt;")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>T</h1><p>x</p>", "<h1>T</h1><p>P</p><p>x</p>"),
        ("<p>no title</p>", "<p>P</p><p>no title</p>"),
        ('<h1 id="a">T <code>&lt;/h1&gt;</code></h1 >x', '<h1 id="a">T <code>&lt;/h1&gt;</code></h1 ><p>P</p>x'),
        ("<!-- </h1> --><h1>T</h1>", "<!-- </h1> --><h1>T</h1><p>P</p>"),  # a comment is not the title's end
        (
            '<pre><code>&lt;h1&gt;</code></pre><h1 title="</h1>">T</h1>',
            '<pre><code>&lt;h1&gt;</code></pre><h1 title="</h1>">T</h1><p>P</p>',
        ),
        ("<script>'</h1>'</script><h1>T</h1>", "<script>'</h1>'</script><h1>T</h1><p>P</p>"),
    ],
)
def test_position_goes_right_after_the_title(html, expected):
    assert insert_after_title(html, "<p>P</p>") == expected
    assert insert_after_title(html, "") == html


@pytest.mark.parametrize(
    ("html", "holds"),
    [
        ('<h1 id="tags">Tags</h1>\n<!-- material/tags -->\n', False),  # Material's tags page, before the plugin fills it
        ("<h1>T</h1>\n<h2>U</h2>", False),
        ("", False),
        ("<h1>T</h1><script>var x = 1;</script><style>p{}</style><template><p>x</p></template>", False),
        ("<h1>T</h1><p>Text.</p>", True),
        ("Text without a title", True),
        ('<h1>T</h1><figure class="postkit-video"></figure>', True),
        ('<h1>T</h1><img src="a.png" alt="">', True),
    ],
)
def test_a_page_holds_content_when_text_or_media_stand_outside_its_headings(html, holds):
    assert read_page(html).holds_content is holds


def test_the_list_marker_is_a_comment_not_text():
    html = "<p>a</p><!-- postkit/videos --><pre><code>&lt;!-- postkit/videos --&gt;</code></pre><!--postkit/videos--!><script><!-- postkit/videos --></script>"
    facts = read_page(html)
    assert len(facts.markers) == 2
    assert replace_markers(html, "<ul></ul>", facts) == (
        "<p>a</p><ul></ul><pre><code>&lt;!-- postkit/videos --&gt;</code></pre><ul></ul><script><!-- postkit/videos --></script>"
    )


def test_videos_index_is_golden():
    entries = [
        ("../videos/", "Video Insights", "Part 3 of 5", VideoLink("Key Lessons", "key-lessons", True)),
        ("../talks/", "Talks <2025>", "", VideoLink('A <b>bold</b> & "quoted" claim', "video-a-bold-b-quoted-claim", False)),
    ]
    assert videos_page_html(EN).startswith('<h1 id="all-videos">All videos</h1>\n<p>Every video of this site')
    assert videos_page_html(Messages("en", {"videos_title": "<Videos> & *more*", "videos_intro": ""})) == (
        '<h1 id="videos-more">&lt;Videos&gt; &amp; *more*</h1>\n<!-- postkit/videos -->\n'
    )
    assert videos_index_html(entries, EN) == (
        '<ul class="postkit-videos" data-search-exclude>\n'
        '<li><a href="../videos/#key-lessons">Key Lessons</a> &mdash; Part 3 of 5: Video Insights</li>\n'
        '<li><a href="../talks/#video-a-bold-b-quoted-claim">A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim</a>'
        " &mdash; Talks &lt;2025&gt;</li>\n"
        "</ul>\n"
    )
    assert videos_index_html([], EN) == "<p>This site has no videos yet.</p>\n"
    assert videos_index_html([], Messages("ja")) == "<p>このサイトにはまだ動画がありません。</p>\n"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Key Lessons from LLM Training", "key-lessons-from-llm-training"),
        ("Why We're Building Foundation Models at Genentech", "why-were-building-foundation-models-at-genentech"),
        ("Infrastructure and GPU Challenges", "infrastructure-and-gpu-challenges"),
        ("  Café — über  ", "cafe-uber"),
        ("<script>", "script"),
        ("???", ""),
    ],
)
def test_slugify_matches_the_toc_extension(title, slug):
    from markdown.extensions.toc import slugify as toc_slugify

    assert slugify(title) == slug == toc_slugify(title, "-")


def test_unique_numbers_repeats_like_the_toc_extension():
    taken = {"intro"}
    assert [unique(s, taken) for s in ("intro", "intro", "other", "intro")] == ["intro_1", "intro_2", "other", "intro_3"]


def test_an_svg_style_or_script_is_not_read():
    # In SVG, <style> and <script> hold markup, not raw text, and are no more shown for that.
    html = "<p>one two</p>\n<svg><style>.a { fill: red }</style><script>x = 1</script><text>three</text></svg>"
    assert read_page(html).words == 3
