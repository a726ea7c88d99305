"""The same mkdocs.yml built by Zensical, which runs Markdown extensions but skips MkDocs plugins.

The embeds live in the `mkdocs_postkit.video` Markdown extension, which calls the Zensical
adapter (`engines/zensical.py`) for what the MkDocs plugin tells it under MkDocs; the
assets come from the theme folder. Both engines' pages are compared element by element.
"""

from __future__ import annotations

import base64
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browser import watched_page
from support.foreign_sites import NOCOOKIE, inside, install_wheel
from support.instant import click_instantly, expect_page
from support.safety import elements
from support.server import StaticServer, free_port
from support.sites import build_project, build_site, captured_warnings, copy_project, main_content, write_files
from support.thumbnail_host import ThumbnailHost, fill_cache, jpeg
from support.zensical import zensical_build

TITLES = [
    "Key Lessons from LLM Training",
    "Why We're Building Foundation Models at Genentech",
    "Challenges in Training Biomedical LLMs",
    "Infrastructure and GPU Challenges",
]
VIDEO_IDS = ["v-zudK5KnWY", "SBV5VTQrlDs", "4zGIRsnrTk8", "eIj_DNemEyg"]
CACHE = "overrides/assets/postkit/thumbnails"  # this site's thumbnails_cache, in the theme folder


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    """The site with its thumbnail cache filled, built by Zensical (the MkDocs build below reads the same project)."""
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    fill_cache(project / CACHE, VIDEO_IDS)
    port = free_port()
    result = zensical_build(project, "-f", "mkdocs.yml", env=os.environ | {"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "postkit:" not in result.stderr, result.stderr  # no embed warnings, no thumbnail missing
    return project / "site", port


def test_zensical_renders_the_four_videos_as_the_same_facades(zensical_site):
    site, _ = zensical_site
    html = (site / "videos/index.html").read_text("utf-8")
    content = main_content(html)
    assert "<iframe" not in content
    assert [figure["data-title"] for figure in elements(content, "figure")] == TITLES
    assert 'src="../assets/postkit/postkit.js"' in html and 'href="../assets/postkit/postkit.css"' in html
    assert (site / "assets/postkit/postkit.js").read_bytes() == (
        Path(__file__).parents[2] / "mkdocs_postkit/assets/postkit.js"
    ).read_bytes()


def test_under_zensical_the_navigation_is_intact_without_the_plugin(zensical_site):
    site, _ = zensical_site
    parts = ("perspective/", "videos/", "reflections/", "looking-forward/")
    for page in ("", *parts):
        html = (site / page / "index.html").read_text("utf-8")
        for link in parts:
            if link != page:  # Zensical links the current page as ././
                assert re.search(rf'href="[./]*{link}"', html), (page, link)
    assert (site / "all-videos/index.html").is_file()  # the site's own page, filled at its <!-- postkit/videos --> in both engines


def test_under_zensical_a_click_plays_the_video(zensical_site, browser):
    site, port = zensical_site
    with StaticServer(site, port) as url:
        context = browser.new_context()
        page = watched_page(context)
        page.goto(url + "videos/")
        facades = page.locator("button.postkit-video__facade")
        assert facades.count() == 4
        assert page.watch.third_party == []
        facades.nth(2).click()
        player = page.locator("figure.postkit-video iframe")
        assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/4zGIRsnrTk8?autoplay=1&playsinline=1"
        assert player.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
        page.wait_for_timeout(200)
        assert page.watch.third_party == ["https://www.youtube-nocookie.com/embed/4zGIRsnrTk8?autoplay=1&playsinline=1"]
        context.close()


def test_under_zensical_a_video_without_its_own_heading_is_in_the_table_of_contents(tmp_path):
    """The TOC entry is written by the Markdown extension (md.toc_tokens), which Zensical reads too."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Z\nsite_url: http://127.0.0.1/\ntheme: {name: material, variant: classic}\nmarkdown_extensions: [toc, mkdocs_postkit.video]\n",
        "utf-8",
    )
    (tmp_path / "docs" / "index.md").write_text('# Home\n\n## Talks\n\n![type:video](https://youtu.be/v-zudK5KnWY "Keynote")\n', "utf-8")
    result = zensical_build(tmp_path, "-f", "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    toc = html[html.index('data-md-component="toc"') :]
    assert [link["href"] for link in elements(toc, "a") if link.get("class", "").startswith("md-nav__link")][:2] == [
        "#talks",
        "#video-keynote",
    ]


# --- The two engines compared ------------------------------------------------------------------

PAGES = ("", "perspective/", "videos/", "reflections/", "looking-forward/", "all-videos/")
THEME_ONLY = {("a", (("id", "__skip"), ("tabindex", "-1")))}  # Zensical's template puts its skip-link target in the article


class _Tokens(HTMLParser):
    """An article as a list of start tags (attributes sorted), end tags and texts; whitespace between tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        # Zensical's search reads `data-search-exclude` and removes it from the page (its index
        # holds neither the position line nor the host label: test_zensical_search_leaves_out_…).
        start = (tag, tuple(sorted((name, value or "") for name, value in attrs if name != "data-search-exclude")))
        if start in THEME_ONLY:
            self.skip += 1
            return
        self.tokens.append(start)

    def handle_endtag(self, tag):
        if self.skip and tag == "a":
            self.skip -= 1
            return
        self.tokens.append(("/", tag))

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(("text", " ".join(data.split())))


def tokens(html: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def toc_links(html: str) -> list[tuple[str, str]]:
    """(href, label) of each link in the page's table of contents (Material's secondary sidebar)."""
    if 'data-md-component="toc"' not in html:
        return []  # a page with no heading below its title has none
    toc = html[html.rindex('data-md-component="toc"') :]  # the last: the primary sidebar has a copy for small screens
    toc = toc[: toc.index("</nav>")]
    return [(link["href"], " ".join(link["#text"].split())) for link in elements(toc, "a")]


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory, zensical_site):
    """The same project, thumbnails and all, built by MkDocs."""
    zensical_dir, port = zensical_site
    return build_project(tmp_path_factory.mktemp("mkdocs"), site_url=f"http://127.0.0.1:{port}/", project=zensical_dir.parent)


@pytest.mark.parametrize("page", PAGES)
def test_both_engines_write_the_same_article(mkdocs_site, zensical_site, page):
    """Position line, facades, headings and their anchors: the same elements, attributes and text."""
    zensical_dir, _ = zensical_site
    by_mkdocs = main_content((mkdocs_site / page / "index.html").read_text("utf-8"))
    by_zensical = main_content((zensical_dir / page / "index.html").read_text("utf-8"))
    assert ('class="postkit-position"' in by_zensical) == (page != "all-videos/")  # the list's page is not a part (its front matter)
    assert by_zensical.count('class="postkit-video__poster"') == (4 if page == "videos/" else 0)  # thumbnails compared too
    assert tokens(by_zensical) == tokens(by_mkdocs)


@pytest.mark.parametrize("page", PAGES)
def test_both_engines_list_the_same_table_of_contents(mkdocs_site, zensical_site, page):
    zensical_dir, _ = zensical_site
    by_mkdocs = toc_links((mkdocs_site / page / "index.html").read_text("utf-8"))
    by_zensical = toc_links((zensical_dir / page / "index.html").read_text("utf-8"))
    assert by_zensical == by_mkdocs
    if page == "videos/":
        assert ("#key-lessons-from-llm-training", "Key Lessons from LLM Training") in by_zensical


def test_the_all_videos_list_is_the_same_in_both_engines(mkdocs_site, zensical_site):
    """The site's docs/all-videos.md holds the marker; each engine fills it with every video of the nav."""
    zensical_dir, _ = zensical_site
    expected = [
        "../videos/#key-lessons-from-llm-training",
        "../videos/#why-were-building-foundation-models-at-genentech",
        "../videos/#challenges-in-training-biomedical-llms",
        "../videos/#infrastructure-and-gpu-challenges",
    ]
    for site in (mkdocs_site, zensical_dir):
        index = main_content((site / "all-videos/index.html").read_text("utf-8"))
        assert [link["href"] for link in elements(index, "a") if link.get("href", "").startswith("../")] == expected, site
        assert index.count("&mdash; Part 3 of 5: Video Insights</li>") == 4, site
        assert "postkit-position" not in index and "<!-- postkit/videos -->" not in index


def test_under_zensical_the_position_line_and_a_toc_link_to_a_video(zensical_site, browser):
    site, port = zensical_site
    with StaticServer(site, port) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = watched_page(context)
        page.goto(url + "videos/")
        assert page.locator("article .postkit-position").inner_text() == "Part 3 of 5 · 2 min read"
        # Zensical's script makes the TOC's links absolute once the page runs.
        page.locator(".md-sidebar--secondary a.md-nav__link", has_text="Infrastructure and GPU Challenges").click()
        page.wait_for_function("location.hash === '#infrastructure-and-gpu-challenges'")
        figure = page.locator("figure.postkit-video").nth(3)
        assert figure.is_visible() and figure.bounding_box()["y"] < 800
        assert page.watch.third_party == []
        figure.locator("button.postkit-video__facade").click()
        assert (
            page.locator("figure.postkit-video iframe")
            .get_attribute("src")
            .startswith("https://www.youtube-nocookie.com/embed/eIj_DNemEyg?")
        )
        context.close()


# --- Thumbnails under Zensical ------------------------------------------------------------------


def posters(site: Path, page: str) -> list[dict[str, str]]:
    """The facades' images of a built page, each with the path in the site its address leads to."""
    found = [img for img in elements(main_content((site / page).read_text("utf-8")), "img") if img.get("class") == "postkit-video__poster"]
    for img in found:
        img["file"] = os.path.normpath(os.path.join(os.path.dirname(page), img["src"]))
    return found


def test_under_zensical_the_facades_show_the_cached_thumbnails_served_by_the_site(zensical_site):
    site, _ = zensical_site
    images = posters(site, "videos/index.html")
    assert [img["src"] for img in images] == [f"../assets/postkit/thumbnails/youtube/{video_id}.jpg" for video_id in VIDEO_IDS]
    for img, video_id in zip(images, VIDEO_IDS, strict=True):
        assert (img["width"], img["height"], img["alt"], img["loading"], img["decoding"]) == ("480", "360", "", "lazy", "async")
        assert (site / img["file"]).read_bytes() == jpeg(video_id), "Zensical copied the theme folder's image to the address"
    assert not list(site.rglob(".gitkeep"))


def test_zensical_copies_the_thumbnails_itself_so_a_build_from_its_page_cache_keeps_them(tmp_path):
    """Zensical empties the site folder on each build and takes unchanged pages from its cache without running
    Python: an image written into the site by postkit would be gone; one in the theme folder is copied again."""
    project = copy_project(tmp_path / "project")
    fill_cache(project / CACHE, VIDEO_IDS)
    assert zensical_build(project).returncode == 0
    (project / "site/assets/postkit/thumbnails/stray.jpg").write_bytes(b"written into the site")
    again = zensical_build(project, clean=False)
    assert again.returncode == 0, again.stderr
    site = project / "site"
    assert not (site / "assets/postkit/thumbnails/stray.jpg").exists(), "the site folder is emptied"
    assert [(site / img["file"]).read_bytes() for img in posters(site, "videos/index.html")] == [jpeg(v) for v in VIDEO_IDS]


THUMBNAILS_PAGES = {
    "index.md": "# Home\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n\n## Two\n\n![type:video](https://youtu.be/SBV5VTQrlDs)\n",
    "sub/page.md": "# Sub\n\n![type:video](https://youtu.be/4zGIRsnrTk8)\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n",
}


def test_under_zensical_the_cache_is_only_read_and_a_missing_thumbnail_is_one_info_line(tmp_path):
    """With a live host and thumbnails_fetch: true, Zensical asks it nothing: the cache is read only."""
    write_files(tmp_path / "docs", THUMBNAILS_PAGES)
    (tmp_path / "docs/thumbs/youtube").mkdir(parents=True)
    (tmp_path / "docs/thumbs/youtube/v-zudK5KnWY.jpg").write_bytes(jpeg("v-zudK5KnWY"))
    with ThumbnailHost() as host:
        (tmp_path / "mkdocs.yml").write_text(
            "site_name: T\nnav: [index.md, sub/page.md]\nmarkdown_extensions: [toc, mkdocs_postkit.video]\n"
            f"plugins:\n  - postkit:\n      thumbnails_fetch: true\n      thumbnails_cache: docs/thumbs\n      thumbnails_youtube: {host.url}\n",
            "utf-8",
        )
        result = zensical_build(tmp_path)
        assert host.requests == []
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert [img["file"] for img in posters(site, "index.html")] == ["thumbs/youtube/v-zudK5KnWY.jpg"]
    assert [img["file"] for img in posters(site, "sub/page/index.html")] == ["thumbs/youtube/v-zudK5KnWY.jpg"]
    assert (site / "thumbs/youtube/v-zudK5KnWY.jpg").read_bytes() == jpeg("v-zudK5KnWY")
    assert main_content((site / "index.html").read_text("utf-8")).count('class="postkit-video__facade"') == 2  # the other stays plain
    [info] = [line for line in result.stderr.splitlines() if "postkit:" in line]
    assert info.startswith("INFO    -  postkit: youtube/")
    assert "has no thumbnail in docs/thumbs/ and shows a plain tile" in info and "thumbnails_fetch: true" in info


def test_under_zensical_a_cache_outside_docs_and_the_theme_folder_is_not_shown_and_says_so(tmp_path):
    """MkDocs copies such a cache below assets/postkit/; Zensical copies only docs_dir and custom_dir."""
    write_files(tmp_path / "docs", THUMBNAILS_PAGES)
    (tmp_path / "thumbnails/youtube").mkdir(parents=True)
    (tmp_path / "thumbnails/youtube/v-zudK5KnWY.jpg").write_bytes(jpeg("v-zudK5KnWY"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nmarkdown_extensions: [toc, mkdocs_postkit.video]\nplugins:\n  - postkit:\n      thumbnails: true\n", "utf-8"
    )
    result = zensical_build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert posters(tmp_path / "site", "index.html") == []
    [info] = [line for line in result.stderr.splitlines() if "postkit:" in line]
    assert info.startswith("INFO    -  postkit: the thumbnails in thumbnails/ are not shown under Zensical"), info
    assert "thumbnails_cache" in info


# --- Other sites under Zensical ----------------------------------------------------------------


FAULTY = {
    "index.md": """
        ---
        description: A page whose third video has a typo.
        ---

        # Home

        Some text.

        <iframe src="https://www.youtube.com/embed/v-zudK5"></iframe>
        """,
    "two.md": "# Two\n",
}


def test_under_zensical_a_faulty_embed_is_reported_with_its_file_and_line_and_fails_a_strict_build(tmp_path):
    write_files(tmp_path / "docs", FAULTY)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: F\nnav: [index.md, two.md]\nmarkdown_extensions: [toc, mkdocs_postkit.video]\n", "utf-8"
    )
    lenient = zensical_build(tmp_path)
    assert lenient.returncode == 0, lenient.stderr
    assert (
        "WARNING -  postkit: index.md:9: 'v-zudK5' in 'https://www.youtube.com/embed/v-zudK5' is not a YouTube video id" in lenient.stderr
    )
    strict = zensical_build(tmp_path, "--strict")
    assert strict.returncode != 0
    assert "postkit: index.md:9: " in strict.stderr
    assert "StrictBuildError: postkit: index.md has 1 video warning(s), printed above, and the build is strict" in strict.stderr
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: F\nnav: [index.md, two.md]\nmarkdown_extensions: [mkdocs_postkit.video]\nstrict: true\n", "utf-8"
    )
    assert zensical_build(tmp_path).returncode != 0  # strict: true in mkdocs.yml, as this site sets it


MKDOCS_VIDEO_PAGE = "# Home\n\n![clip](https://youtu.be/v-zudK5KnWY)\n\n## A file\n\n![clip](https://example.org/talk.mp4)\n"


def test_under_zensical_mkdocs_video_under_plugins_gets_postkits_facades(tmp_path):
    """Zensical switches its own copy of mkdocs-video on for `plugins: [mkdocs-video]` (raw iframes, a <div> in
    a <p>); postkit's players replace it, with mkdocs-video's options, as if it were not listed."""
    articles = {}
    for name, plugins in (("listed", "[search, mkdocs-video: {mark: clip, video_muted: true}]"), ("renamed", "[search]")):
        project = tmp_path / name
        write_files(project / "docs", {"index.md": MKDOCS_VIDEO_PAGE})
        extension = "mkdocs_postkit.video" if name == "listed" else "mkdocs_postkit.video: {mark: clip, muted: true}"
        (project / "mkdocs.yml").write_text(f"site_name: V\nmarkdown_extensions: [toc, {extension}]\nplugins: {plugins}\n", "utf-8")
        result = zensical_build(project)
        assert result.returncode == 0, result.stderr
        articles[name] = main_content((project / "site/index.html").read_text("utf-8"))
    listed = articles["listed"]
    assert "<iframe" not in listed and "video-container" not in listed
    assert [figure["id"] for figure in elements(listed, "figure")] == ["video-home", "video-a-file"]
    facade = next(link for link in elements(listed, "a") if link.get("class") == "postkit-video__facade")
    assert "mute=1" in facade["data-embed"] and "muted" in elements(listed, "video")[0]
    assert tokens(listed) == tokens(articles["renamed"])


STRANGER = {
    "index.md": """
        # A stranger's site

        Their own words, then a video pasted from YouTube, and [a deeper page](deeper/page.md).

        <iframe width="560" height="315" src="https://www.youtube.com/embed/SBV5VTQrlDs" title="YouTube video player" allowfullscreen></iframe>
        """,
    "deeper/page.md": '# Deeper\n\n![type:video](https://youtu.be/4zGIRsnrTk8 "A talk")\n',
}


def test_a_strangers_site_built_by_zensical_from_the_wheel_gets_styled_playable_facades(tmp_path, browser):
    """No extra_css, no custom_dir: the extension puts postkit's CSS and JS on each page with a video."""
    install = install_wheel(tmp_path / "wheel")
    project = tmp_path / "stranger"
    write_files(project / "docs", STRANGER)
    port = free_port()
    (project / "mkdocs.yml").write_text(
        f"site_name: Stranger\nsite_url: http://127.0.0.1:{port}/\ntheme: {{name: material, font: false, features: [navigation.instant]}}\n"
        "markdown_extensions: [toc, mkdocs_postkit.video]\n",
        "utf-8",
    )
    result = zensical_build(project, env=install.env(POSTKIT_PROBE=str(project / "probe.json")))
    assert result.returncode == 0, result.stderr
    probe = json.loads((project / "probe.json").read_text("utf-8"))
    assert probe["modules"] and all(inside(path, install.target) for path in probe["modules"].values()), probe  # the wheel's postkit
    site = project / "site"
    # Zensical empties the site on each build and takes unchanged pages from its cache (no Python runs):
    # the assets are in the page itself, so a second build without --clean keeps them.
    again = zensical_build(project, env=install.env(), clean=False)
    assert again.returncode == 0, again.stderr
    head = main_content((site / "index.html").read_text("utf-8"))
    links = [base64.b64decode(link["href"].split(",", 1)[1]) for link in elements(head, "link")]
    scripts = [base64.b64decode(script["src"].split(",", 1)[1]) for script in elements(head, "script")]
    assert links == [(install.target / "mkdocs_postkit/assets/postkit.css").read_bytes()]
    assert scripts == [(install.target / "mkdocs_postkit/assets/postkit.js").read_bytes()]
    with StaticServer(site, port) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = watched_page(context)
        for path, video in (("", "SBV5VTQrlDs"), ("deeper/page/", "4zGIRsnrTk8")):
            page.goto(url + path)
            facade = page.locator("button.postkit-video__facade")  # the script ran
            assert facade.count() == 1
            box = facade.bounding_box()
            assert abs(box["width"] / box["height"] - 16 / 9) < 0.02  # the stylesheet applies
            assert page.watch.third_party == []
            facade.click()
            assert page.locator("figure.postkit-video iframe").get_attribute("src").startswith(NOCOOKIE + video)
            page.watch.reset()
        # Reached by Material's instant navigation, and again after back and forward: the script is a module,
        # which a document runs once however often its tag is inserted (a second run would play twice).
        page.goto(url)
        page.wait_for_function("window.document$ !== undefined")
        click_instantly(page, page.get_by_role("link", name="a deeper page"), url + "deeper/page/", site, "deeper/page/")
        page.go_back()
        page.go_forward()
        page.wait_for_url(url + "deeper/page/")
        # Material changes the address before the new content arrives: a facade clicked before that is
        # the previous page's, and is swapped away (seen once on a loaded machine).
        expect_page(page, site, "deeper/page/")
        page.locator("button.postkit-video__facade").click()
        expect(page.locator("figure.postkit-video iframe")).to_have_count(1)
        page.wait_for_function("document.querySelector('figure.postkit-video iframe').src.includes('4zGIRsnrTk8')")
        for _ in range(100):  # the player's request, blocked and recorded, reaches the watch from Playwright's events
            if page.watch.third_party:
                break
            page.wait_for_timeout(50)
        assert page.watch.third_party == [NOCOOKIE + "4zGIRsnrTk8?autoplay=1&playsinline=1"]
        assert page.watch.console_errors == []
        context.close()


SAME_WARNINGS = {
    "index.md": """
        ---
        description: Faulty embeds of every kind.
        ---

        # Home

        <iframe src="https://www.youtube.com/embed/v-zudK5"></iframe>

        ![type:video](https://youtu.be/v-zudK5KnWY?t=-3)

        /// video | https://vimeo.com/abc
        ///
        """,
    "sub/page.md": "# Sub\n\n![type:video](../clip.mp4)\n\n![type:video](../missing.mp4)\n\n![type:video](../../outside.mp4)\n",
    "clip.mp4": "not really a video",
}


def test_both_engines_give_the_same_warnings(tmp_path):
    """The same messages, files and lines: the extension writes them, each adapter says which page it is on."""
    (tmp_path / "outside.mp4").write_text("outside docs/", "utf-8")
    with captured_warnings() as by_mkdocs:
        build_site(tmp_path, SAME_WARNINGS, config="nav: [index.md, sub/page.md]\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: W\nnav: [index.md, sub/page.md]\nmarkdown_extensions: [toc, mkdocs_postkit.video]\n", "utf-8"
    )
    result = zensical_build(tmp_path)
    assert result.returncode == 0, result.stderr
    by_zensical = [line.removeprefix("WARNING -  ") for line in result.stderr.splitlines() if line.startswith("WARNING -  postkit:")]
    postkit = sorted(message for message in by_mkdocs if message.startswith("postkit:"))
    assert len(postkit) == 5, by_mkdocs
    assert all(message.startswith(("postkit: index.md:", "postkit: sub/page.md:")) for message in postkit), postkit
    assert sorted(by_zensical) == postkit


def test_zensical_search_leaves_out_the_position_line_and_the_host_label(zensical_site):
    site, _ = zensical_site
    index = json.loads((site / "search.json").read_text("utf-8"))
    text = json.dumps(index)
    assert "Key Lessons from LLM Training" in text, "the videos' titles are found"
    assert "min read" not in text and "Part 3 of 5" not in text and "Watch on YouTube" not in text


LANGUAGE_SITE = {"index.md": '# Eins\n\nText.\n\n![type:video](https://youtu.be/v-zudK5KnWY "Eins")\n', "zwei.md": "# Zwei\n\nText.\n"}
DOT = ' <span aria-hidden="true">&middot;</span> '
LANGUAGES = {  # plugins and markdown_extensions under `theme.language: de` -> the facade's label, the position line
    "the theme's": ("[postkit]", "[mkdocs_postkit.video]", "Video abspielen: Eins", f"Teil 1 von 2{DOT}1 Min. Lesezeit"),
    "the plugin's": (
        "[postkit: {language: ja}]",
        "[mkdocs_postkit.video: {language: fr}]",
        "動画を再生: Eins",
        f"パート 1 / 2{DOT}1 分で読めます",
    ),
    "the extension's": (
        "[postkit]",
        "[mkdocs_postkit.video: {language: fr}]",
        "Lire la vidéo : Eins",
        f"Partie 1 sur 2{DOT}1 min de lecture",
    ),
    "messages of both": (
        '[postkit: {messages: {part: "Kapitel {number}/{total}", reading_time: ""}}]',
        '[mkdocs_postkit.video: {messages: {play: "Los: {title}", part: "Teil {number} (Erweiterung)"}}]',
        "Los: Eins",
        "Kapitel 1/2",
    ),
}


@pytest.mark.parametrize("case", LANGUAGES)
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_both_engines_take_the_language_and_each_message_from_the_plugin_else_the_extension_else_the_theme(tmp_path, engine, case):
    plugins, extensions, label, position = LANGUAGES[case]
    write_files(tmp_path / "docs", LANGUAGE_SITE)
    config = f"site_name: L\nnav: [index.md, zwei.md]\ntheme: {{name: material, language: de}}\nplugins: {plugins}\n"
    (tmp_path / "mkdocs.yml").write_text(config + f"markdown_extensions: {extensions}\n", "utf-8")
    if engine == "zensical":
        result = zensical_build(tmp_path, "-f", "mkdocs.yml")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "postkit" not in result.stderr, result.stderr
    else:
        build_project(tmp_path / "site", project=tmp_path)
    page = main_content((tmp_path / "site/index.html").read_text("utf-8"))
    assert f'data-label="{label}"' in page
    assert re.search(rf'<p class="postkit-position"[^>]*>{re.escape(position)}</p>', page), page


def test_under_zensical_an_unusable_plugin_message_is_one_warning_as_under_mkdocs(tmp_path):
    write_files(tmp_path / "docs", LANGUAGE_SITE)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: L\nnav: [index.md, zwei.md]\ntheme: {name: material, language: de}\n"
        "plugins: [postkit: {messages: {play: '{titel} ansehen', part: 'Kapitel {number}'}}]\nmarkdown_extensions: [mkdocs_postkit.video]\n",
        "utf-8",
    )
    result = zensical_build(tmp_path, "-f", "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if "postkit" in line]
    assert "'play' uses {titel}, which it cannot fill (it may use: {title})" in warning and "plugins: postkit: messages: play" in warning
    page = main_content((tmp_path / "site/index.html").read_text("utf-8"))
    assert 'data-label="Video abspielen: Eins"' in page and re.search(r'<p class="postkit-position"[^>]*>Kapitel 1 <span', page)
