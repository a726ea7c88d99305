"""Material's search, in Chromium, on this site: results show what the pages say, not
postkit's position line or the facades' host label, and a video is found by its title."""

from __future__ import annotations

import pytest

from mkdocs_postkit.messages import MESSAGES


def search(page, site_url: str, query: str) -> list[str]:
    """The text of every result Material shows for `query` (its index built from this site)."""
    page.goto(site_url)
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(state="attached")  # index loaded
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.locator(".md-search-result__meta").filter(has_not_text="Type to start searching").wait_for()
    page.wait_for_timeout(200)  # results render in one pass after the count
    return page.locator(".md-search-result__item").all_inner_texts()


@pytest.mark.parametrize("query", ["Part", "min read", "Watch on YouTube", "YouTube"])
def test_no_result_holds_the_position_line_or_the_host_label(page, site_url, query):
    results = search(page, site_url, query)
    english = MESSAGES["en"]
    for text in results:
        assert "min read" not in text and " of 5" not in text, text
        assert english["watch"].format(host="YouTube") not in text, text
    assert page.watch.third_party == []


def test_a_video_is_found_by_its_title(page, site_url):
    results = search(page, site_url, "Infrastructure GPU Challenges")
    assert results, "the video's title is in the index"
    assert any("Infrastructure and GPU Challenges" in text for text in results), results
