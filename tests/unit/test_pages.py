"""The pure functions both engine adapters call: the position line on a rendered page, front-matter lines,
and the options the plugins pass on to the extension."""

from __future__ import annotations

from mkdocs_postkit.engines.zensical import extension_settings
from mkdocs_postkit.messages import Messages
from mkdocs_postkit.navigation import Part
from mkdocs_postkit.pages import docs_path, lines_above, with_position

HTML = '<h1 id="t">Title</h1>\n<p>' + "word " * 500 + "</p>\n"


def test_the_position_line_goes_under_the_title():
    html = with_position(HTML, Part(2, 5), 3, Messages())
    assert html.startswith(
        '<h1 id="t">Title</h1><p class="postkit-position" data-search-exclude>Part 2 of 5 <span aria-hidden="true">&middot;</span> 3 min read</p>'
    )


def test_a_page_that_is_not_a_part_has_no_position_line():
    assert with_position(HTML, None, 3, Messages()) == HTML


def test_both_labels_off_leave_the_page_as_it_is():
    assert with_position(HTML, Part(1, 2), 3, Messages("en", {"part": "", "reading_time": ""})) == HTML


def test_lines_above_count_the_front_matter():
    source = "---\ndescription: x\n---\n\n# Title\n\ntext\n"
    assert lines_above(source, "# Title\n\ntext\n") == 4
    assert lines_above("# Title\n", "# Title\n") == 0
    assert lines_above(source, "") == 0


def test_options_set_away_from_their_defaults_reach_the_extension_postkits_last():
    defaults = {"anchor_prefix": "video-", "video_toc": True, "mark": "type:video"} | {
        f"video_{name}": name == "controls" for name in ("muted", "loop", "controls", "autoplay")
    }
    mkdocs_video = {"mark": "clip", "video_muted": True, "video_controls": True, "css_style": {}}
    postkit = defaults | {"mark": "film", "anchor_prefix": "v-"}
    assert extension_settings(mkdocs_video, postkit, defaults) == {"mark": "film", "muted": True, "anchor_prefix": "v-"}
    assert extension_settings({}, defaults, defaults) == {}


def test_a_path_written_in_a_page_is_found_in_docs():
    assert docs_path("sub/page.md", "../clip.mp4#t=3") == ("clip.mp4", "#t=3")
    assert docs_path("sub/page.md", "/media/clip.mp4?x=1") == ("media/clip.mp4", "?x=1")
    assert docs_path("page.md", "../outside.mp4") == ("../outside.mp4", "")
