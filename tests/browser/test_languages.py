"""Every message in every shipped language, as a reader meets it: in the built pages, and in
Chromium (the button's accessible name, the printed label, the fallback text)."""

from __future__ import annotations

from html import escape

import pytest
from playwright.sync_api import expect

from mkdocs_postkit.messages import FIELDS, MESSAGES, Messages
from support.browser import watched_page
from support.server import StaticServer, free_port
from support.sites import build_site

LANGUAGES = sorted(MESSAGES)
TITLE = "Keynote"
# Before the page's first heading, so that the untitled players keep their default titles.
UNTITLED = """\
<iframe src="https://www.youtube.com/embed/SBV5VTQrlDs" title="YouTube video player"></iframe>

<iframe src="https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe>

/// video | clip.mp4
///

![type:video](javascript:alert(1))

/// video
///

<iframe src="javascript:alert(2)"></iframe>

<iframe srcdoc="<p>Hi</p>"></iframe>

# One

Text.

/// video | https://youtu.be/v-zudK5KnWY
    title: Keynote
///
"""


def filled(language: str, key: str, **values: str) -> str:
    return Messages(language)(key, **values)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """One site per language, and one without videos; served from one folder."""
    root = tmp_path_factory.mktemp("languages")
    for language in LANGUAGES:
        config = (
            f"theme: {{name: material, language: {language}, font: false}}\nnav: [index.md, two.md]\n"
            "markdown_extensions: [{mkdocs_postkit.video: {frames: link}}]\n"  # another site's frame: a stand-in, in words
        )
        pages = {"index.md": UNTITLED, "two.md": "# Two\n\nMore text.\n", "clip.mp4": ""}
        build_site(root / "build" / language, pages, config)  # not strict: two embeds are faulty on purpose
        build_site(root / "build" / f"{language}-empty", {"index.md": "# Empty\n\nNo video.\n"}, config.replace(", two.md", ""))
    return root / "build"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_appears_in_the_built_pages(sites, language):
    index = (sites / language / "site" / "index.html").read_text("utf-8")
    listing = (sites / language / "site" / "all-videos" / "index.html").read_text("utf-8")
    empty = (sites / f"{language}-empty" / "site" / "all-videos" / "index.html").read_text("utf-8")
    expected = {
        "play": filled(language, "play", title=TITLE),
        "watch": filled(language, "watch", host="YouTube"),
        "print": filled(language, "print"),
        "download": filled(language, "download", title=filled(language, "untitled_file")),
        "unavailable": filled(language, "unavailable", title=filled(language, "video")),
        "unavailable_at": filled(language, "unavailable_at", title=filled(language, "video"), address="\0").split("\0")[0],
        "video": filled(language, "video"),
        "frame": filled(language, "frame"),
        "frame_unavailable": filled(language, "frame_unavailable", title=filled(language, "frame")),
        "frame_unavailable_at": filled(language, "frame_unavailable_at", title=filled(language, "frame"), address="\0").split("\0")[0],
        "untitled": filled(language, "untitled", host="YouTube"),
        "untitled_playlist": filled(language, "untitled_playlist", host="YouTube"),
        "untitled_file": filled(language, "untitled_file"),
        "part": filled(language, "part", number="1", total="2"),
        "reading_time": filled(language, "reading_time", minutes="1"),
    }
    assert set(expected) | {"videos_title", "videos_intro", "no_videos"} == set(FIELDS), "every message is checked"
    for key, text in expected.items():
        assert escape(text, quote=False) in index or escape(text) in index, (key, text)
    for key in ("videos_title", "videos_intro"):
        assert escape(filled(language, key)) in listing, key
    assert escape(filled(language, "no_videos")) in empty


def test_every_language_ships_every_message_with_the_same_fields():
    for language, messages in MESSAGES.items():
        assert set(messages) == set(FIELDS), language
        for key, template in messages.items():
            Messages(language, {key: template})  # fields valid for the message
            names = {name for name in FIELDS[key] if "{" + name + "}" in template}
            assert names == {name for name in FIELDS[key] if "{" + name + "}" in MESSAGES["en"][key]}, (language, key)
            assert template.strip() and (language == "en" or template != MESSAGES["en"][key] or key in ("print", "video")), (language, key)


@pytest.fixture(scope="module")
def served(sites):
    with StaticServer(sites, free_port()) as url:
        yield url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reader_meets_the_words_in_their_language(browser, served, language):
    context = browser.new_context()
    page = watched_page(context)
    try:
        page.goto(f"{served}{language}/site/")
        button = page.get_by_role("button", name=filled(language, "play", title=TITLE), exact=True)
        expect(button).to_have_count(1)
        untitled = page.get_by_role("button", name=filled(language, "play", title=filled(language, "untitled", host="YouTube")), exact=True)
        expect(untitled).to_have_count(1)
        fallback = page.locator(".postkit-video-fallback").first
        expect(fallback).to_contain_text(filled(language, "unavailable_at", title=filled(language, "video"), address="javascript:alert(1)"))
        expect(page.locator(".postkit-position")).to_have_text(
            filled(language, "part", number="1", total="2") + " · " + filled(language, "reading_time", minutes="1")
        )
        page.emulate_media(media="print")
        printed = button.evaluate("el => getComputedStyle(el, '::after').content")
        assert printed == '"' + filled(language, "print") + ' https://www.youtube.com/watch?v=v-zudK5KnWY"', printed
        assert page.watch.third_party == [] and page.watch.console_errors == []
    finally:
        context.close()
