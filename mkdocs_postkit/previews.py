"""Link previews: each page's own title, and a preview image drawn at build time.

Pure of MkDocs: the plugin passes titles and paths in, and gets text and PNG
bytes back. The image is drawn by Pillow with the font its wheel bundles, so
the same Pillow version gives the same bytes on any machine, with no network
and no system library. Pillow is imported only when an image is drawn.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # the size Facebook, LinkedIn and X show large
MARGIN = 80
TOP, BOTTOM = (26, 35, 126), (48, 63, 159)  # Material's indigo 900 and 700
FOREGROUND, MUTED = (255, 255, 255), (197, 202, 233)  # white, indigo 100
TITLE_SIZES = (72, 64, 56, 48)  # the largest that fits in MAX_LINES wins
MAX_LINES = 4


class _FirstHeading(HTMLParser):
    """The text of the first `<h1>`, without its permalink (`a.headerlink`); ends at `</h1>`, whatever it left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.permalink = False
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and not self.done:
            self.inside = True
        elif self.inside and tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self.permalink = True

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "h1":
            self.inside, self.done = False, True
        elif self.permalink and tag == "a":
            self.permalink = False

    def handle_data(self, data: str) -> None:
        if self.inside and not self.permalink:
            self.parts.append(data)


def pillow_missing() -> str | None:
    """Why Pillow cannot draw, or None when it can: checked before the build, not at the first page."""
    try:
        from PIL import Image, ImageDraw, ImageFont  # noqa: F401
    except ImportError as error:
        return str(error)
    return None


def own_title(html: str, meta_title: object = None) -> str:
    """A page's own title: its `title:` in front matter, else the text of its first heading; "" if neither."""
    if isinstance(meta_title, str) and meta_title.strip():
        return " ".join(meta_title.split())
    parser = _FirstHeading()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def image_name(dest_uri: str) -> str:
    """Where a page's image goes in the site: `videos/index.html` -> `videos/index.png` (below the previews folder)."""
    stem = dest_uri.rsplit(".", 1)[0] if "." in dest_uri.rsplit("/", 1)[-1] else dest_uri.rstrip("/") + "/index"
    return stem + ".png"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, width: float, size: int) -> list[str]:
    """Lines of at most `width` pixels, MAX_LINES at most (the last one cut with an ellipsis)."""
    font = _font(size)
    lines = _wrap(draw, text, font, width)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        while lines[-1] and draw.textlength(lines[-1] + " ...", font=font) > width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
        lines[-1] += " ..."
    return lines


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    return ImageFont.load_default(size)


@functools.cache
def _palette() -> Image.Image:
    """256 colours: 16 steps of the background, each blended in 8 steps towards each text colour."""
    from PIL import Image

    colours: list[int] = []
    for step in range(16):
        ground = [round(t + (b - t) * step / 15) for t, b in zip(TOP, BOTTOM, strict=True)]
        for ink in (FOREGROUND, MUTED):
            for level in range(8):
                colours += [round(g + (i - g) * level / 7) for g, i in zip(ground, ink, strict=True)]
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def render(title: str, site_name: str, byline: str = "", thumbnail: Path | None = None) -> bytes:
    """A 1200x630 PNG: the site's name, the page's title and a byline on Material's indigo;
    with `thumbnail` (a video's), the picture fills the right part beside the title."""
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    image = Image.composite(Image.new("RGB", image.size, BOTTOM), Image.new("RGB", image.size, TOP), image)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    if thumbnail is not None:
        picture = Image.open(thumbnail).convert("RGB")
        box = (560, 315)  # 16:9, cropped from the middle as the facade shows it (YouTube letterboxes 4:3 images)
        scale = max(box[0] / picture.width, box[1] / picture.height)
        picture = picture.resize((round(picture.width * scale), round(picture.height * scale)), Image.Resampling.LANCZOS)
        left, top = (picture.width - box[0]) // 2, (picture.height - box[1]) // 2
        picture = picture.crop((left, top, left + box[0], top + box[1]))
        image.paste(picture, (WIDTH - MARGIN - box[0], MARGIN + 112))  # below the site name, above the byline
        text_width = WIDTH - 3 * MARGIN // 2 - box[0] - MARGIN
    draw.rectangle((MARGIN, MARGIN, MARGIN + 96, MARGIN + 8), fill=MUTED)
    draw.text((MARGIN, MARGIN + 32), site_name, font=_font(34), fill=MUTED)
    sizes = TITLE_SIZES if thumbnail is None else TITLE_SIZES[1:]
    for size in sizes:  # the largest size at which the whole title fits, else the smallest, cut
        lines = _fit(draw, title, text_width, size)
        if not lines or not lines[-1].endswith(" ..."):
            break
    font = _font(size)
    line_height = round(size * 1.2)
    y = (HEIGHT - line_height * len(lines)) // 2 + 20
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=FOREGROUND)
        y += line_height
    if byline:
        draw.text((MARGIN, HEIGHT - MARGIN - 30), byline, font=_font(30), fill=MUTED)
    output = BytesIO()
    if thumbnail is None:
        # Only the gradient and text blended over it: a fixed palette of those keeps what is visible and
        # makes the file a fifth of its size (a photograph keeps all its colours).
        image = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    image.save(output, "PNG")  # zlib level 6: 10 ms; `optimize` saves 3 KB for 100 ms a page
    return output.getvalue()
