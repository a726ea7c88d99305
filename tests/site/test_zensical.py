"""The same mkdocs.yml built by Zensical, which runs Markdown extensions but skips MkDocs plugins.

The embeds live in the `mkdocs_postkit.video` Markdown extension and the assets come
from the theme folder, so the four videos render and play there too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.browser import watched_page
from support.safety import elements
from support.server import StaticServer, free_port
from support.sites import copy_project, main_content

ZENSICAL = Path(os.environ.get("VIRTUAL_ENV", Path(__file__).parents[2] / ".venv")) / "bin" / "zensical"
TITLES = [
    "Key Lessons from LLM Training",
    "Why We're Building Foundation Models at Genentech",
    "Challenges in Training Biomedical LLMs",
    "Infrastructure and GPU Challenges",
]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    zensical = shutil.which("zensical") or str(ZENSICAL)
    if not Path(zensical).exists():
        pytest.fail("zensical is not installed; run scripts/test.sh (it installs requirements-test.txt)")
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    port = free_port()
    result = subprocess.run(
        [zensical, "build", "-f", "mkdocs.yml", "--clean"],
        cwd=project,
        env=os.environ | {"SITE_URL": f"http://127.0.0.1:{port}/"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "postkit:" not in result.stderr, result.stderr  # no embed warnings
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
    assert not (site / "all-videos").exists()  # the generated index is the MkDocs plugin's


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
    zensical = shutil.which("zensical") or str(ZENSICAL)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Z\nsite_url: http://127.0.0.1/\ntheme: {name: material, variant: classic}\nmarkdown_extensions: [toc, mkdocs_postkit.video]\n",
        "utf-8",
    )
    (tmp_path / "docs" / "index.md").write_text('# Home\n\n## Talks\n\n![type:video](https://youtu.be/v-zudK5KnWY "Keynote")\n', "utf-8")
    result = subprocess.run([zensical, "build", "-f", "mkdocs.yml", "--clean"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    toc = html[html.index('data-md-component="toc"') :]
    assert [link["href"] for link in elements(toc, "a") if link.get("class", "").startswith("md-nav__link")][:2] == [
        "#talks",
        "#video-keynote",
    ]
