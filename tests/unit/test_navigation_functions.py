"""The pure navigation functions: part numbers, reading time, anchors, the videos index."""

import pytest

from mkdocs_postkit.anchors import slugify, unique
from mkdocs_postkit.navigation import (
    Part,
    VideoLink,
    insert_after_title,
    number_parts,
    position_html,
    reading_minutes,
    videos_index_html,
    videos_index_markdown,
)

FIGURE = '<figure class="postkit-video" data-title="{title}" id="{id}"><a class="postkit-video__facade" href="#">x</a></figure>'


def test_parts_follow_nav_order_and_renumber_when_a_page_is_added():
    assert number_parts(["index.md", "a.md", "b.md"]) == {"index.md": Part(1, 3), "a.md": Part(2, 3), "b.md": Part(3, 3)}
    assert number_parts(["index.md", "new.md", "a.md", "b.md"])["a.md"] == Part(3, 4)
    assert number_parts([]) == {}


@pytest.mark.parametrize(
    ("html", "minutes"),
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
def test_reading_minutes(html, minutes):
    assert reading_minutes(html) == minutes


def test_videos_add_viewing_time():
    text = "<p>" + "w " * 200 + "</p>"
    assert reading_minutes(text) == 1
    assert reading_minutes(text, videos=2) == 2
    assert reading_minutes(text, words_per_minute=100) == 2


def test_reading_minutes_counts_text_not_markup():
    assert reading_minutes('<a href="' + "x " * 1000 + '">link</a>') == 1


def test_position_line():
    assert position_html(Part(2, 5), 3, "Part {number} of {total}", "{minutes} min read") == (
        '<p class="postkit-position">Part 2 of 5 <span aria-hidden="true">&middot;</span> 3 min read</p>'
    )
    assert position_html(Part(2, 5), 3, "Teil {number} von {total}", "") == '<p class="postkit-position">Teil 2 von 5</p>'
    assert position_html(Part(2, 5), 3, "", "") == ""
    assert position_html(Part(1, 1), 1, "<b>{number}</b>", "") == '<p class="postkit-position">&lt;b&gt;1&lt;/b&gt;</p>'


def test_position_goes_right_after_the_title():
    assert insert_after_title("<h1>T</h1><p>x</p>", "<p>P</p>") == "<h1>T</h1><p>P</p><p>x</p>"
    assert insert_after_title("<p>no title</p>", "<p>P</p>") == "<p>P</p><p>no title</p>"
    assert insert_after_title("<h1>T</h1>", "") == "<h1>T</h1>"


def test_videos_index_is_golden():
    entries = [
        ("../videos/", "Video Insights", "Part 3 of 5", VideoLink("Key Lessons", "key-lessons", True)),
        ("../talks/", "Talks <2025>", "", VideoLink('A <b>bold</b> & "quoted" claim', "video-a-bold-b-quoted-claim", False)),
    ]
    assert videos_index_markdown("All videos", "Every video.") == "# All videos\n\nEvery video.\n"
    assert videos_index_markdown("All videos", "") == "# All videos\n"
    assert videos_index_html(entries) == (
        '<ul class="postkit-videos">\n'
        '<li><a href="../videos/#key-lessons">Key Lessons</a> &mdash; Part 3 of 5: Video Insights</li>\n'
        '<li><a href="../talks/#video-a-bold-b-quoted-claim">A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim</a>'
        " &mdash; Talks &lt;2025&gt;</li>\n"
        "</ul>\n"
    )
    assert videos_index_html([]) == "<p>This site has no videos yet.</p>\n"


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
