"""Link previews on their own: a page's own title, and the preview image."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from mkdocs_postkit import previews


@pytest.mark.parametrize(
    ("html", "meta", "title"),
    [
        (
            '<h1 id="x">Featured in <em>Neptune.ai</em>&#39;s Report<a class="headerlink" href="#x">&para;</a></h1>',
            None,
            "Featured in Neptune.ai's Report",
        ),
        ("<p>intro</p><h2>Not this</h2><h1>First</h1><h1>Second</h1>", None, "First"),
        ("<h1>From the page</h1>", "  From   front matter ", "From front matter"),
        ("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", None, "<script>alert(1)</script>"),  # text, escaped by the template
        ("<h1>Spans <span><a class='headerlink'>#</a></span> kept</h1>", 3, "Spans kept"),
        ("<h1>Left <i>open</h1><p>not the title</p>", None, "Left open"),
        ("<p>No heading</p>", None, ""),
    ],
)
def test_own_title_is_front_matter_else_the_first_heading_as_text(html, meta, title):
    assert previews.own_title(html, meta) == title


def test_image_names_follow_the_pages():
    assert previews.image_name("index.html") == "index.png"
    assert previews.image_name("videos/index.html") == "videos/index.png"
    assert previews.image_name("notes/page.html") == "notes/page.png"


def pixels(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB")


def largest_difference(a: Image.Image, b: Image.Image) -> int:
    return max(high for _, high in ImageChops.difference(a, b).getextrema())


def test_the_image_is_1200_by_630_deterministic_and_shows_its_title():
    first = previews.render("Video Insights: Behind the Scenes", "Training Biomedical Foundation Models", "Keunwoo Choi")
    assert first == previews.render("Video Insights: Behind the Scenes", "Training Biomedical Foundation Models", "Keunwoo Choi")
    image = pixels(first)
    assert image.size == (1200, 630)
    other = pixels(previews.render("Reflections", "Training Biomedical Foundation Models", "Keunwoo Choi"))
    # The title's band differs; the site name's band does not (but for the palette's rounding).
    assert largest_difference(image.crop((0, 200, 1200, 480)), other.crop((0, 200, 1200, 480))) > 200
    assert largest_difference(image.crop((0, 0, 1200, 180)), other.crop((0, 0, 1200, 180))) < 24
    assert len(first) < 40_000


def test_a_long_title_is_cut_to_four_lines_and_an_empty_one_still_draws():
    long = previews.render("word " * 200, "Site")
    assert pixels(long).size == (1200, 630)
    assert pixels(previews.render("", "Site")).size == (1200, 630)


def test_a_thumbnail_fills_the_right_part_of_the_image(tmp_path):
    thumbnail = tmp_path / "t.jpg"
    Image.new("RGB", (480, 360), (0, 200, 0)).save(thumbnail)
    image = pixels(previews.render("Video Insights", "Site", "Author", thumbnail))
    red, green, blue = image.getpixel((1200 - 80 - 280, 315))  # the middle of the picture's box
    assert green > 150 and red < 60 and blue < 60
    assert pixels(previews.render("Video Insights", "Site", "Author")).getpixel((1200 - 80 - 280, 315))[1] < 150
