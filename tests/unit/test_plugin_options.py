"""The plugin's options are checked by its schema: a bad value is MkDocs' own config error, never a traceback later."""

from __future__ import annotations

import pytest

from mkdocs_postkit.engines.mkdocs import PostkitConfig


def errors_of(**options) -> dict[str, str]:
    schema = PostkitConfig()
    schema.load_dict(options)
    failed, _ = schema.validate()
    return {name: str(error) for name, error in failed}


@pytest.mark.parametrize(
    "value",
    [
        "/abs.md",
        "../escape.md",
        "../../x.md",
        "sub/../../x.md",
        "a/./../b.md",
        "\\\\host\\x.md",
        "C:/x.md",
        "vids.txt",
        "Videos.MD",
        "sub/",
        "videos.MD.txt",
        ".md",
    ],
)
def test_the_videos_page_is_a_markdown_path_inside_the_site(value):
    assert "videos_index" in errors_of(videos_index=value), value


@pytest.mark.parametrize("value", ["", "all-videos.md", "sub/dir/vids.md"])
def test_a_videos_page_inside_the_site_or_none_is_accepted(value):
    assert errors_of(videos_index=value) == {}


@pytest.mark.parametrize("value", [0, -5, True])
def test_words_per_minute_is_a_whole_number_from_one(value):
    assert "at least 1" in errors_of(words_per_minute=value)["words_per_minute"]


@pytest.mark.parametrize("value", ["", "a b<", '"><script>', "vid#", "vidéo-", "v/"])
def test_the_anchor_prefix_is_a_non_empty_run_of_id_characters(value):
    assert "letters, digits" in errors_of(anchor_prefix=value)["anchor_prefix"]


@pytest.mark.parametrize("value", ["video-", "v", "clip_", "Talk.2-"])
def test_usual_anchor_prefixes_are_accepted(value):
    assert errors_of(anchor_prefix=value, words_per_minute=1) == {}
