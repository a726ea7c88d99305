"""The postkit plugin in real MkDocs builds: facades, part numbers, the videos index, warnings."""

from __future__ import annotations

import re
from html import unescape

import pytest
from mkdocs.exceptions import Abort

from support.safety import elements
from support.sites import build_project, build_site, main_content, warnings_of

TITLES = [
    "Key Lessons from LLM Training",
    "Why We're Building Foundation Models at Genentech",
    "Challenges in Training Biomedical LLMs",
    "Infrastructure and GPU Challenges",
]
PARTS = ["index.html", "perspective/index.html", "videos/index.html", "reflections/index.html", "looking-forward/index.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_project(tmp_path_factory.mktemp("site"))


def test_the_four_videos_are_facades_titled_by_their_headings(site):
    html = main_content((site / "videos/index.html").read_text("utf-8"))
    assert "<iframe" not in html and "youtube.com/embed" not in html
    assert [figure["data-title"] for figure in elements(html, "figure")] == TITLES
    assert [link["href"] for link in elements(html, "a") if link.get("class") == "postkit-video__facade"] == [
        "https://www.youtube.com/watch?v=v-zudK5KnWY",
        "https://www.youtube.com/watch?v=SBV5VTQrlDs",
        "https://www.youtube.com/watch?v=4zGIRsnrTk8",
        "https://www.youtube.com/watch?v=eIj_DNemEyg",
    ]
    assert "si=" not in html


def sidebar(html: str) -> list[str]:
    """Titles of the primary nav, in order (Material repeats the active page for its TOC toggle)."""
    primary = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
    titles = re.findall(r'<a href="[^"#]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', primary)
    return list(dict.fromkeys(titles))


def test_each_part_says_where_it_sits_in_sidebar_order(site):
    titles = sidebar((site / "all-videos/index.html").read_text("utf-8"))[:5]
    assert titles == ["Background", "Our Perspective", "Video Insights", "Reflections and Key Takeaways", "Looking Forward"]
    for number, page in enumerate(PARTS, start=1):
        position = re.search(r'<p class="postkit-position" data-search-exclude>(.*?)</p>', (site / page).read_text("utf-8"))
        assert position, page
        assert re.fullmatch(rf'Part {number} of 5 <span aria-hidden="true">&middot;</span> \d+ min read', position[1]), position[1]
    assert "postkit-position" not in (site / "all-videos/index.html").read_text("utf-8")


def test_footer_names_the_neighbouring_parts(site):
    html = (site / "perspective/index.html").read_text("utf-8")
    prev = re.search(r'md-footer__link--prev".*?md-ellipsis">\s*(.*?)\s*</div>', html, re.DOTALL)
    following = re.search(r'md-footer__link--next".*?md-ellipsis">\s*(.*?)\s*</div>', html, re.DOTALL)
    assert prev and following and (prev[1], following[1]) == ("Background", "Video Insights")


def test_the_videos_index_links_to_anchors_in_the_pages_toc(site):
    index = main_content((site / "all-videos/index.html").read_text("utf-8"))
    links = re.findall(r'<li><a href="\.\./([^"#]+)#([^"]+)">([^<]+)</a> &mdash; (.*?)</li>', index)
    assert [unescape(title) for *_, title, _ in links] == TITLES
    assert {where for *_, where in links} == {"Part 3 of 5: Video Insights"}
    for path, anchor, _, _ in links:
        page = (site / path / "index.html").read_text("utf-8")
        toc = page[page.index('<nav class="md-nav md-nav--secondary"') :]
        assert f'href="#{anchor}"' in toc[: toc.index("</nav>")], anchor
        assert f'id="{anchor}"' in page
    assert "<iframe" not in index and "postkit-video__facade" not in index


def test_the_videos_index_sits_in_the_sidebar_after_the_parts(site):
    assert sidebar((site / "perspective/index.html").read_text("utf-8")).index("All videos") == 5


VIDEO_PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "talks.md": '---\ndescription: x\n---\n\n# Talks\n\nIntro.\n\n/// video | https://youtu.be/v-zudK5KnWY\n    title: Keynote\n///\n\n## Panel\n\n![type:video](https://youtu.be/SBV5VTQrlDs)\n\n![type:video](https://youtu.be/4zGIRsnrTk8 "Q and A")\n',
}
NAV = "nav: [index.md, talks.md]\n"


def test_a_video_without_a_heading_of_its_own_joins_the_toc(tmp_path):
    config = NAV + "validation: {anchors: warn}\n"  # the index's links to #video-keynote are checked
    site = build_site(tmp_path, VIDEO_PAGES, config, strict=True)
    html = (site / "talks/index.html").read_text("utf-8")
    toc = html[html.index('<nav class="md-nav md-nav--secondary"') :]
    assert 'href="#video-keynote"' in toc and 'href="#panel"' in toc
    index = (site / "all-videos/index.html").read_text("utf-8")
    assert 'href="../talks/#video-keynote"' in index and 'href="../talks/#panel"' in index
    assert 'href="#video-q-and-a"' in toc and 'href="../talks/#video-q-and-a"' in index


@pytest.mark.parametrize(
    ("option", "gone"),
    [
        ("messages: {part: ''}", "Part 2 of 2"),
        ("messages: {reading_time: ''}", "min read"),
        ("video_toc: false", 'href="#video-keynote"'),
        ("videos_index: ''", "All videos"),
    ],
)
def test_each_feature_switches_off(tmp_path, option, gone):
    on = (build_site(tmp_path / "on", VIDEO_PAGES, NAV) / "talks/index.html").read_text("utf-8")
    off_site = build_site(tmp_path / "off", VIDEO_PAGES, NAV + f"plugins:\n  - postkit:\n      {option}\n")
    off = (off_site / "talks/index.html").read_text("utf-8")
    assert gone in on and gone not in off
    assert (off_site / "all-videos").exists() == ("videos_index" not in option)


@pytest.mark.parametrize(
    ("option", "error"),
    [
        ("videos_index: ../escape.md", "option 'videos_index': '../escape.md' leaves docs/ with '..'"),
        ("videos_index: {tmp}/escape.md", "is absolute"),  # inside tmp_path, should it be written all the same
        ("words_per_minute: 0", "option 'words_per_minute': must be a whole number of at least 1"),
        ("anchor_prefix: ''", "option 'anchor_prefix': must be one or more ASCII letters, digits"),
    ],
)
def test_a_bad_option_is_a_config_error_and_nothing_is_written(tmp_path, caplog, option, error):
    with pytest.raises(Abort, match="configuration error"):
        build_site(tmp_path / "site", VIDEO_PAGES, NAV + f"plugins:\n  - postkit:\n      {option.format(tmp=tmp_path)}\n")
    assert any(error in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    assert not (tmp_path / "escape").exists() and not (tmp_path / "site" / "site").exists()


def test_labels_can_be_translated(tmp_path):
    config = (
        NAV
        + "plugins:\n  - postkit:\n      messages:\n        part: Teil {number} von {total}\n        reading_time: '{minutes} Min. Lesezeit'\n"
        + "        videos_title: Alle Videos\n      videos_index: videos.md\n"
    )
    site = build_site(tmp_path, VIDEO_PAGES, config)
    assert "Teil 2 von 2" in (site / "talks/index.html").read_text("utf-8")
    assert "Min. Lesezeit" in (site / "talks/index.html").read_text("utf-8")
    assert '<h1 id="alle-videos">Alle Videos' in (site / "videos/index.html").read_text("utf-8")


def test_the_videos_index_names_parts_of_an_automatic_nav(tmp_path):
    site = build_site(tmp_path, VIDEO_PAGES)  # no nav: titles come from the pages themselves
    assert "&mdash; Part 2 of 2: Talks</li>" in (site / "all-videos/index.html").read_text("utf-8")


def test_the_plugin_switched_off_leaves_pages_alone(tmp_path):
    site = build_site(tmp_path, VIDEO_PAGES, NAV + "plugins:\n  - postkit:\n      enabled: false\n")
    html = (site / "talks/index.html").read_text("utf-8")
    assert "postkit" not in html and not (site / "all-videos").exists()


def test_a_bad_embed_names_the_file_and_line_and_fails_strict(tmp_path, caplog):
    pages = {
        "index.md": '---\ndescription: front matter shifts the lines\n---\n\n# Home\n\n<iframe src="https://www.youtube.com/embed/v-zudK5"></iframe>\n'
    }
    with pytest.raises(Abort):
        build_site(tmp_path, pages, "nav: [index.md]\n", strict=True)
    assert warnings_of(caplog) == [
        "postkit: index.md:7: 'v-zudK5' in 'https://www.youtube.com/embed/v-zudK5' is not a YouTube video id (11 letters, digits, - or _); "
        "copy the link again from YouTube's Share button."
    ]


def test_a_frame_of_another_site_is_left_as_written_unless_the_site_wants_none(tmp_path, caplog):
    form = '<iframe src="https://forms.example/embed?a=1&amp;b=2" width="540" title="Newsletter">Loading…</iframe>'
    pages = {"index.md": f"# Home\n\n{form}\n"}
    html = (build_site(tmp_path / "keep", pages, "nav: [index.md]\n", strict=True) / "index.html").read_text("utf-8")
    assert form in html and warnings_of(caplog) == []
    with pytest.raises(Abort):
        build_site(
            tmp_path / "link", pages, "nav: [index.md]\nmarkdown_extensions:\n  - mkdocs_postkit.video:\n      frames: link\n", strict=True
        )
    assert [w[:60] for w in warnings_of(caplog)] == ["postkit: index.md:3: the <iframe> 'https://forms.example/emb"]


def test_without_strict_the_page_still_builds_with_a_safe_link(tmp_path, caplog):
    pages = {"index.md": '# Home\n\n<iframe src="https://www.youtube.com/embed/v-zudK5"></iframe>\n'}
    html = (build_site(tmp_path, pages, "nav: [index.md]\n") / "index.html").read_text("utf-8")
    assert "<iframe" not in main_content(html)
    assert '<a class="postkit-video-fallback" href="https://www.youtube.com/embed/v-zudK5">Home</a>' in html
    assert len(warnings_of(caplog)) == 1


def test_local_files_are_linked_from_the_built_page_and_checked(tmp_path, caplog):
    pages = {
        "index.md": "# Home\n",
        "guide/intro.md": "# Intro\n\n/// video | ../media/clip.mp4\n    poster: ../media/clip.png\n///\n\n/// video | ../media/gone.mp4\n///\n",
        "media/clip.mp4": "not really a video",
        "media/clip.png": "not really an image",
    }
    site = build_site(tmp_path, pages, "nav: [index.md, guide/intro.md]\n")
    html = (site / "guide/intro/index.html").read_text("utf-8")
    assert [source["src"] for source in elements(html, "source")] == ["../../media/clip.mp4"]
    assert [video["poster"] for video in elements(html, "video")] == ["../../media/clip.png"]
    assert warnings_of(caplog) == [
        "postkit: guide/intro.md:7: the file '../media/gone.mp4' does not exist; put it in docs/ or fix the path (relative to this page)."
    ]


def test_the_plugin_ships_its_assets_to_sites_without_them(tmp_path):
    site = build_site(tmp_path, VIDEO_PAGES, NAV)
    html = (site / "talks/index.html").read_text("utf-8")
    assert 'href="../assets/postkit/postkit.css"' in html and 'src="../assets/postkit/postkit.js"' in html
    assert "document$" in (site / "assets/postkit/postkit.js").read_text("utf-8")


def test_extension_settings_in_mkdocs_yml_are_kept(tmp_path):
    config = NAV + "markdown_extensions:\n  - mkdocs_postkit.video:\n      anchor_prefix: clip-\n"
    html = (build_site(tmp_path, VIDEO_PAGES, config) / "talks/index.html").read_text("utf-8")
    assert 'id="clip-keynote"' in html


def test_postkit_keeps_an_ascii_site_ascii(tmp_path):
    """One non-ASCII character makes MkDocs encode the whole page the slow way (see benchmarks/README.md)."""
    pages = {
        "index.md": "# Home\n\n## Talk\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n",
        "more.md": '# More\n\n<iframe src="https://www.youtube.com/embed/SBV5VTQrlDs" title="Keynote"></iframe>\n',
    }
    site = build_site(tmp_path, pages, config="markdown_extensions:\n  - toc:\n      permalink: '#'\n")
    built = sorted(site.rglob("*.html"))
    assert {p.relative_to(site).as_posix() for p in built} >= {"index.html", "more/index.html", "all-videos/index.html"}
    assert "postkit-position" in (site / "more/index.html").read_text("utf-8")
    for path in built:
        text = path.read_text("utf-8")
        assert text.isascii(), f"{path.relative_to(site)}: {sorted({c for c in text if not c.isascii()})}"
