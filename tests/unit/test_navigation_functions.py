"""The pure navigation functions: part numbers, reading time, anchors, the videos index."""

import pytest

from postkit.anchors import slugify, unique
from postkit.navigation import (
    Part,
    VideoLink,
    find_videos,
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


def test_a_video_under_its_own_heading_is_reached_through_the_heading():
    html = (
        '<h2 id="key-lessons">Key Lessons<a class="headerlink" href="#key-lessons">&para;</a></h2>\n'
        + FIGURE.format(title="Key Lessons", id="video-key-lessons")
        + '<h2 id="other">Other</h2><p>text</p>'
        + FIGURE.format(title="Why &amp; how", id="video-why-how")
    )
    assert find_videos(html) == [
        VideoLink("Key Lessons", "key-lessons", in_toc=True, section="key-lessons"),
        VideoLink("Why & how", "video-why-how", in_toc=False, section="other"),
    ]


def test_a_heading_with_another_title_does_not_stand_for_the_video():
    html = '<h2 id="talks">Talks</h2>' + FIGURE.format(title="Keynote", id="video-keynote")
    assert find_videos(html) == [VideoLink("Keynote", "video-keynote", in_toc=False, section="talks")]
    assert find_videos(FIGURE.format(title="Alone", id="video-alone")) == [VideoLink("Alone", "video-alone", in_toc=False, section="")]


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


def test_only_the_video_right_under_a_heading_is_reached_through_it():
    html = (
        '<h2 id="demo">Demo</h2>\n'
        + FIGURE.format(title="Demo", id="video-demo")
        + FIGURE.format(title="Demo", id="video-demo_1")
        + '<h3 id="more">More</h3><p>text</p>\n'
        + FIGURE.format(title="More", id="video-more")
    )
    assert find_videos(html) == [
        VideoLink("Demo", "demo", in_toc=True, section="demo"),
        VideoLink("Demo", "video-demo_1", in_toc=False, section="demo"),
        VideoLink("More", "video-more", in_toc=False, section="more"),  # text stands between
    ]
