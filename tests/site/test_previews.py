"""Link previews of the real site: each page's own title, a preview image that exists at its declared size, a large card."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from support.safety import elements
from support.sites import build_project, copy_project

SITE_URL = "https://example.github.io/post/"
TITLES = {
    "index.html": "Featured in Neptune.ai's State of Foundation Model Training Report 2025",  # the post's, not the nav's "Background"
    "perspective/index.html": "Our Perspective: Building Biomedical Foundation Models",
    "videos/index.html": "Video Insights: Behind the Scenes",
    "reflections/index.html": "Reflections and Key Takeaways",
    "looking-forward/index.html": "Looking Forward",
    "all-videos/index.html": "All videos",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_project(tmp_path_factory.mktemp("site"), site_url=SITE_URL)


def meta(html: str) -> dict[str, str]:
    """Every <meta property|name=...> of a page, read by a tokenizer; a key that appears twice is an error."""
    found: dict[str, str] = {}
    for tag in elements(html, "meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            assert key not in found, f"{key} twice"
            found[key] = tag.get("content", "")
    return found


def image_of(site, url: str) -> Image.Image:
    assert url.startswith(SITE_URL), url
    path = site / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    assert path.is_file(), url
    return Image.open(io.BytesIO(path.read_bytes()))


@pytest.mark.parametrize("page", list(TITLES))
def test_every_page_previews_with_its_own_title_and_an_image_of_the_declared_size(site, page):
    tags = meta((site / page).read_text("utf-8"))
    assert tags["og:title"] == tags["twitter:title"] == TITLES[page]
    assert tags["og:image:alt"] == TITLES[page]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    image = image_of(site, tags["og:image"])
    assert image.size == (int(tags["og:image:width"]), int(tags["og:image:height"])) == (1200, 630)
    assert (image.format, tags["og:image:type"]) == ("PNG", "image/png")


def test_each_page_has_its_own_image(site):
    urls = [meta((site / page).read_text("utf-8"))["og:image"] for page in TITLES]
    assert len(set(urls)) == len(urls)
    contents = {bytes(image_of(site, url).convert("RGB").tobytes()) for url in urls}
    assert len(contents) == len(urls), "the images differ, not only their names"


def test_titles_and_descriptions_are_text_in_the_preview_whatever_they_hold(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "reflections.md"
    text = page.read_text("utf-8").replace("# Reflections and Key Takeaways", '# Reflections "Quoted" & <b>Bold</b> &lt;i&gt;')
    text, described = re.subn(r"(?m)^description: .*$", """description: 'Say "hi" <b>now</b> & go'""", text, count=1)
    assert described
    page.write_text(text, "utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), site_url=SITE_URL)
    build(config)
    html = (tmp_path / "site" / "reflections/index.html").read_text("utf-8")
    tags = meta(html)
    assert tags["og:title"] == tags["twitter:title"] == 'Reflections "Quoted" & Bold <i>'
    assert 'content="Reflections &#34;Quoted&#34; &amp; Bold &lt;i&gt;"' in html
    assert tags["og:description"] == tags["twitter:description"] == 'Say "hi" <b>now</b> & go'


def test_previews_without_pillow_stop_the_build_at_once_saying_what_to_install(tmp_path, monkeypatch, caplog):
    import sys

    from mkdocs.exceptions import Abort

    from support.sites import build_site

    for name in [name for name in sys.modules if name == "PIL" or name.startswith("PIL.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "PIL", None)  # `import PIL` now fails, as without Pillow
    with pytest.raises(Abort):
        build_site(tmp_path, {"index.md": "# One\n\nText.\n"}, "plugins:\n  - postkit:\n      previews: true\n")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "pip install mkdocs-postkit[previews]" in errors[0] and "'previews'" in errors[0], errors
    assert not (tmp_path / "site").exists(), "stopped before any page is written"
