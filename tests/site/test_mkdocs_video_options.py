"""mkdocs-video's plugin options under postkit: honoured where a player has an equivalent, one warning otherwise."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from support.safety import elements
from support.sites import build_site, warnings_of

PAGES = {
    "index.md": "# Talks\n\n## Keynote\n\n![type:clip](https://www.youtube.com/embed/v-zudK5KnWY)\n\n![type:clip](media/demo.mp4)\n",
    "media/demo.mp4": "not really a video",
}


def test_playback_options_and_the_mark_are_honoured(tmp_path, caplog):
    config = "plugins:\n  - postkit:\n      mark: type:clip\n      video_muted: true\n      video_loop: true\n      video_controls: false\n"
    html = (build_site(tmp_path, PAGES, config, strict=True) / "index.html").read_text("utf-8")
    (facade,) = [a for a in elements(html, "a") if a.get("class") == "postkit-video__facade"]
    assert facade["data-embed"] == (
        "https://www.youtube-nocookie.com/embed/v-zudK5KnWY?autoplay=1&playsinline=1&mute=1&loop=1&playlist=v-zudK5KnWY&controls=0"
    )
    (video,) = elements(html, "video")
    assert "muted" in video and "loop" in video and "controls" not in video and "autoplay" not in video
    assert warnings_of(caplog) == []


def test_the_defaults_of_mkdocs_video_are_accepted_silently(tmp_path, caplog):
    config = "plugins:\n  - postkit:\n      is_video: false\n      video_type: mp4\n      css_style: {position: relative, width: 100%, height: 22.172vw}\n"
    build_site(tmp_path, {"index.md": "# Home\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n"}, config, strict=True)
    assert warnings_of(caplog) == []


@pytest.mark.parametrize(
    ("option", "advice"),
    [
        ("is_video: true", "picks the player from each address"),
        ("video_type: webm", "from its name"),
        ("css_style: {width: 50%}", "style .postkit-video"),
    ],
)
def test_an_option_without_equivalent_is_one_warning_that_says_what_to_do(tmp_path, caplog, option, advice):
    with pytest.raises(Abort):
        build_site(tmp_path, {"index.md": "# Home\n"}, f"plugins:\n  - postkit:\n      {option}\n", strict=True)
    (warning,) = warnings_of(caplog)
    name = option.split(":")[0]
    assert f"'{name}' of mkdocs-video has no equivalent" in warning and advice in warning and "remove it" in warning
