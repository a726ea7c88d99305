"""Nothing taken from the author: which pages are parts, the front-matter switch, a one-page
site, and the list of videos (generated, or placed by the author; never over their page)."""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser

import pytest
from mkdocs.exceptions import Abort

from support.sites import build_site, main_content, warnings_of

VIDEO = "![type:video](https://youtu.be/v-zudK5KnWY)"


def nav_links(html: str) -> list[str]:
    """The addresses of the sidebar's links (Material's `md-nav__link`)."""
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag == "a" and "md-nav__link" in (attributes.get("class") or "").split():
                found.append(attributes.get("href") or "")

    Links().feed(html)
    return found


def article(site, path: str) -> str:
    return main_content((site / path / "index.html" if path else site / "index.html").read_text("utf-8"))


def test_a_one_page_site_shows_no_position_line(tmp_path):
    site = build_site(tmp_path, {"index.md": f"# Only\n\nText.\n\n{VIDEO}\n"}, "nav: [index.md]\n", strict=True)
    assert "postkit-position" not in article(site, "")
    assert "Part 1 of 1" not in (site / "index.html").read_text("utf-8")


def test_a_tags_page_and_a_page_switched_off_are_not_parts(tmp_path):
    pages = {
        "index.md": "---\ntags: [alpha]\n---\n# One\n\nText.\n",
        "preface.md": "---\npostkit_position: false\n---\n# Preface\n\nText.\n",
        "two.md": "# Two\n\nMore text.\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    }
    site = build_site(tmp_path, pages, "nav: [index.md, preface.md, two.md, tags.md]\nplugins: [search, tags, postkit]\n", strict=True)
    assert "Part 1 of 2" in article(site, "")
    assert "Part 2 of 2" in article(site, "two")
    assert "postkit-position" not in article(site, "preface")
    tags = article(site, "tags")
    assert "postkit-position" not in tags and "alpha" in tags  # the tags plugin filled it; postkit left it alone


def test_the_position_line_is_not_in_the_search_index(tmp_path):
    import json

    pages = {"index.md": f"# One\n\nText one.\n\n{VIDEO}\n", "two.md": "# Two\n\nText two.\n"}
    site = build_site(tmp_path, pages, "nav: [index.md, two.md]\nplugins: [search, postkit]\n", strict=True)
    assert "Part 1 of 2" in article(site, "")
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "Part 1 of 2" not in text and "min read" not in text and "Watch on" not in text
    assert "Text one." in text and any(doc["location"] == "" and "Text one" in doc["text"] for doc in index["docs"])


def test_an_authors_page_at_the_generated_path_is_kept_with_a_warning(tmp_path, caplog):
    pages = {"index.md": f"# One\n\n{VIDEO}\n", "all-videos.md": "# My own page\n\nWritten by me.\n"}
    site = build_site(tmp_path / "plain", pages, "nav: [index.md, all-videos.md]\n")
    warnings = warnings_of(caplog)
    assert len(warnings) == 1 and "all-videos.md is a page of yours, so postkit keeps it" in warnings[0]
    assert "<!-- postkit/videos -->" in warnings[0]
    mine = article(site, "all-videos")
    assert "Written by me." in mine and "postkit-videos" not in mine
    sidebar = nav_links((site / "index.html").read_text("utf-8"))
    assert sidebar.count("all-videos/") == 1, f"one entry in the sidebar, the author's: {sidebar}"
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", pages, "nav: [index.md, all-videos.md]\n", strict=True)


def test_the_author_places_the_list_on_a_page_of_their_own(tmp_path):
    pages = {
        "index.md": f"# One\n\nText.\n\n{VIDEO}\n",
        "two.md": "# Two\n\nText.\n\n![type:video](https://youtu.be/SBV5VTQrlDs 'Second')\n",
        "watch.md": "# Watch list\n\nBefore.\n\n<!-- postkit/videos -->\n\nAfter.\n\n```html\n<!-- postkit/videos -->\n```\n",
    }
    site = build_site(tmp_path, pages, "nav: [index.md, two.md, watch.md]\n", strict=True)
    assert not (site / "all-videos").exists(), "no generated page when the author placed the list"
    watch = article(site, "watch")
    assert watch.index("Before.") < watch.index('<ul class="postkit-videos" data-search-exclude>') < watch.index("After.")
    assert watch.count('<ul class="postkit-videos" data-search-exclude>') == 1, "the marker inside code stays text"
    assert '<a href="../#video-one">One</a> &mdash; Part 1 of 3: One' in watch
    assert '<a href="../two/#video-second">Second</a> &mdash; Part 2 of 3: Two' in watch


def test_a_marker_only_inside_code_is_a_warning(tmp_path, caplog):
    pages = {"index.md": f"# One\n\n{VIDEO}\n", "doc.md": "# Doc\n\nWrite `<!-- postkit/videos -->` where the list goes.\n"}
    build_site(tmp_path, pages, "nav: [index.md, doc.md]\n")
    assert any("doc.md mention <!-- postkit/videos --> but show no list" in w for w in warnings_of(caplog))


def test_messages_follow_the_theme_language_and_the_sites_overrides(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    pages = {"index.md": f"# Eins\n\nText.\n\n{VIDEO}\n", "zwei.md": "# Zwei\n\nText.\n"}
    config = (
        "theme: {name: material, language: de}\nnav: [index.md, zwei.md]\nplugins:\n  - postkit:\n      messages:\n"
        "        reading_time: ''\n        videos_title: 'Filme <alle>'\n        play: '{titel} ansehen'\n"
    )
    site = build_site(tmp_path, pages, config)
    warnings = warnings_of(caplog)
    assert len(warnings) == 1 and "'play' uses {titel}, which it cannot fill (it may use: {title})" in warnings[0]
    page = article(site, "")
    assert '<p class="postkit-position" data-search-exclude>Teil 1 von 2</p>' in page
    assert 'data-label="Video abspielen: Eins"' in page and "Auf YouTube ansehen" in page
    listing = (site / "all-videos" / "index.html").read_text("utf-8")
    assert '<h1 id="filme-alle">Filme &lt;alle&gt;</h1>' in listing and "Filme &lt;alle&gt;" in article(site, "all-videos")


def test_every_message_overridden_with_markup_stays_text_on_every_built_page(tmp_path):
    from mkdocs_postkit.messages import FIELDS

    hostile = "<script>alert(1)</script>\"' onload=x &amp; <!--"
    overrides = "".join(f"        {key}: {json.dumps(hostile)}\n" for key in FIELDS)
    pages = {"index.md": f"# One\n\nText.\n\n{VIDEO}\n", "two.md": "# Two\n\nText.\n"}
    site = build_site(tmp_path, pages, "nav: [index.md, two.md]\nplugins:\n  - search\n  - postkit:\n      messages:\n" + overrides)
    seen: list[tuple[str, str]] = []

    class Elements(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.extend((tag, name) for name, _ in attrs)

        def handle_data(self, data):
            if "alert(1)" in data and self.lasttag == "script":
                seen.append(("script", data))

    for path in site.rglob("*.html"):
        Elements().feed(path.read_text("utf-8"))
    assert not [item for item in seen if item[1] == "onload" or (item[0] == "script" and "alert" in item[1])]
    # The text is there, escaped:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (site / "all-videos" / "index.html").read_text("utf-8")
    assert "<script>alert" not in (site / "search" / "search_index.json").read_text("utf-8")


def test_a_message_with_a_format_spec_is_a_warning_and_the_shipped_wording_stays(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    pages = {"index.md": f"# One\n\nText.\n\n{VIDEO}\n", "two.md": "# Two\n\nText.\n"}
    config = (
        "nav: [index.md, two.md]\nplugins:\n  - postkit:\n      messages:\n        play: '{title:d}'\n        part: '{number:>100000}'\n"
    )
    site = build_site(tmp_path, pages, config)
    warnings = warnings_of(caplog)
    assert len(warnings) == 2 and all("plain {name} fields" in w and "messages: " in w for w in warnings), warnings
    page = article(site, "")
    assert 'data-label="Play video: One"' in page and "Part 1 of 2" in page


def test_a_page_at_the_generated_path_is_no_warning_when_the_author_placed_the_list_elsewhere(tmp_path, caplog):
    pages = {
        "index.md": f"# One\n\n{VIDEO}\n",
        "list.md": "# List\n\n<!-- postkit/videos -->\n",
        "all-videos.md": "# Mine\n\nSome text of mine.\n",
    }
    site = build_site(tmp_path, pages, "nav: [index.md, list.md, all-videos.md]\n", strict=True)
    assert warnings_of(caplog) == []
    assert "postkit-videos" in article(site, "list") and "Some text of mine." in article(site, "all-videos")
