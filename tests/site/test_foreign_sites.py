"""Other people's sites, built strict by postkit installed from its wheel: other themes, every container, mkdocs-video's config.

The wheel is built and installed once per session (support/foreign_sites.py); each
site is built by `python -m mkdocs build --strict` in a subprocess whose `PYTHONPATH`
makes the wheel's copy of postkit shadow the editable one, which is checked, not assumed.
The same builds are played in a browser by tests/browser/test_foreign_sites_play.py.
"""

from __future__ import annotations

import re
import zipfile
from html import unescape

import pytest

from support.foreign_sites import FOREIGN_IFRAMES, all_sites, built_once, inside
from support.sites import main_content

SITES = all_sites()
WITH_VIDEOS = [name for name, site in SITES.items() if site.videos]
FIGURE = re.compile(r'<figure class="postkit-video"[^>]*>')
DATA_TITLE = re.compile(r'\sdata-title="([^"]*)"')


@pytest.fixture(scope="session")
def foreign(tmp_path_factory):
    return built_once(tmp_path_factory)


def page_html(build, path: str) -> str:
    return (build.site_dir / path / "index.html").read_text("utf-8")


def test_the_wheel_holds_the_package_its_assets_and_the_entry_point(foreign):
    with zipfile.ZipFile(foreign.install.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = next(wheel.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    for name in (
        "mkdocs_postkit/__init__.py",
        "mkdocs_postkit/engines/mkdocs.py",
        "mkdocs_postkit/video/__init__.py",
        "mkdocs_postkit/py.typed",
    ):
        assert name in names, name
    assert {"mkdocs_postkit/assets/postkit.css", "mkdocs_postkit/assets/postkit.js"} <= names
    assert "[mkdocs.plugins]" in entry_points and "postkit = mkdocs_postkit.engines.mkdocs:PostkitPlugin" in entry_points


def test_the_wheels_postkit_shadows_the_editable_one(foreign):
    install = foreign.install
    assert inside(install.seen["postkit"], install.target), install.seen
    assert install.seen["entry_points"] == [["mkdocs_postkit.engines.mkdocs:PostkitPlugin", str(install.target)]], install.seen
    assert not inside(install.seen_without["postkit"], install.target), install.seen_without


@pytest.mark.parametrize("name", SITES)
def test_each_build_imported_postkit_only_from_the_wheel(foreign, name):
    build = foreign.builds[name]
    assert build.probe is not None, f"the build wrote no record of its imports (it did not exit normally)\n{build.log()}"
    modules = build.probe["modules"]
    assert "mkdocs_postkit.engines.mkdocs" in modules, modules
    assert all(inside(path, foreign.install.target) for path in modules.values()), modules
    assert build.probe["entry_points"] == [["mkdocs_postkit.engines.mkdocs:PostkitPlugin", str(foreign.install.target)]]


@pytest.mark.parametrize("name", SITES)
def test_each_site_builds_strict_without_a_postkit_warning(foreign, name):
    build = foreign.builds[name]
    assert "postkit:" not in build.stderr, build.stderr
    assert build.returncode == 0, build.log()
    assert (build.site_dir / "index.html").is_file()


@pytest.mark.parametrize("name", WITH_VIDEOS)
def test_every_embed_written_is_one_figure_and_no_iframe_is_left(foreign, name):
    build = foreign.builds[name]
    assert build.returncode == 0, build.log()
    for path, expected in build.site.videos.items():
        html = page_html(build, path)
        titles = [unescape(DATA_TITLE.search(tag)[1]) for tag in FIGURE.findall(html)]
        assert sorted(titles) == sorted(expected), f"{path or 'index'}: missing {sorted(set(expected) - set(titles))}"
        assert "<iframe" not in html, "every iframe written was a video: none is left in the page"
        # The plugin adds its own assets, whatever the theme.
        depth = "../" * path.count("/")
        assert f'src="{depth}assets/postkit/postkit.js"' in html and f'href="{depth}assets/postkit/postkit.css"' in html
    assert (build.site_dir / "assets/postkit/postkit.js").is_file() and (build.site_dir / "assets/postkit/postkit.css").is_file()


def test_iframes_from_other_hosts_are_left_exactly_as_written(foreign):
    build = foreign.builds["foreign-iframes"]
    assert "postkit:" not in build.stderr, build.stderr
    assert build.returncode == 0, build.log()
    content = main_content(page_html(build, ""))
    for what, iframe in FOREIGN_IFRAMES.items():
        assert iframe in content, f"the {what} is not in the page as written"
    assert content.count("<iframe") == len(FOREIGN_IFRAMES)
    assert "postkit-video" not in content
