"""Frames in a piece of raw HTML, found the way a browser finds them.

The standard library's `html.parser` reads the tags; a few of its internals are
overridden where it departs from the HTML standard on points that decide what
is live markup and what is text: comments (`<!-->`, `--!>`, unterminated ones),
raw-text elements (`iframe` included, whose content is never markup), the
end of raw text (`</script` followed by a space, `/` or `>`), and foreign content:
inside `<svg>` and `<math>` no element is raw text (nor a frame) until a tag
breaks out into HTML again or an integration point (`<foreignObject>`, `<mi>`…)
takes HTML in. Python 3.13.4 and
later fixed most of these in the standard library itself; the overrides keep
3.11 and 3.12 in step.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

FRAME_TAGS = frozenset({"iframe", "frame", "embed", "object"})
# Elements whose content is text to the browser (scripting enabled), so a frame there is not one.
RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
# Content that is never shown or fetched: frames inside stay as they are.
INERT = frozenset({"template"})
# Where a browser does show a frame, but a player has no place: it stays as written (or becomes a link).
NO_PLAYER = frozenset({"pre", "code", "noscript"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# Elements that may hold only phrasing content: a <figure> cannot go inside them.
PHRASING_ONLY = frozenset(
    "p span a em strong b i u s small big tt code pre h1 h2 h3 h4 h5 h6 label button q cite abbr dfn sub sup mark "  # noqa: SIM905
    "time var samp kbd bdi bdo ruby rt rp data output legend summary caption dt font strike nobr option select".split()
)
COMMENT_END = re.compile(r"--!?>")
# A cheap filter: a source without any of these has no frame and changes no context.
HINT = re.compile(
    r"<(?:i?frame|embed|object|/?template|script|style|textarea|title|xmp|noembed|noframes|plaintext|svg|math|/?a(?=[\s/>]))", re.IGNORECASE
)
# The HTML standard's "in foreign content" rules. Start tags that close the open SVG and MathML elements:
BREAKOUT = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr "  # noqa: SIM905
    "ol p pre ruby s small span strong strike sub sup table tt u ul var".split()
)
# Where each element of the stack puts its content: "html"; "svg" and "math" (foreign); "svg:html" and
# "math:html" (HTML integration points: start tags are HTML's); "math:text" (MathML text integration
# points: all but <mglyph> and <malignmark>); "math:xml" (<annotation-xml>: only <svg> is HTML's).
SVG_HTML = frozenset({"foreignobject", "desc", "title"})
MATH_TEXT = frozenset({"mi", "mo", "mn", "ms", "mtext"})


@dataclass
class Context:
    """What one piece of raw HTML leaves open for the next (Markdown stashes a page's HTML in pieces):
    a raw-text element such as `<textarea>` whose end tag comes later, `<template>`s, and, while an
    `<svg>` or `<math>` is open, the scanner's open elements (shared, not copied: linear in all)."""

    raw_text: str | None = None
    templates: int = 0
    links: int = 0  # `<a>`s: a link in their place would nest links
    foreign: tuple[list[str], list[str], Counter[str]] | None = None


@dataclass
class Frame:
    """One frame element: where it stands in the source, and what it says."""

    tag: str
    attributes: dict[str, str]
    start: int  # offset of its `<`
    end: int  # offset after its end tag (an iframe's raw text or an object's content runs to the end of the source)
    start_tag: str  # the start tag as written
    closed: bool  # its end tag was found
    player_fits: bool  # no element around it (in this source) that cannot hold a <figure>
    inert: bool  # inside <template>: never shown, never fetched
    no_player: bool  # inside <pre>, <code> or <noscript>
    in_link: bool  # inside <a>
    depth: int  # elements of this source around it


class FrameScanner(HTMLParser):
    """Collects the frames of `source`; see `find_frames`."""

    CDATA_CONTENT_ELEMENTS = RAW_TEXT  # type: ignore[misc]  # a Final in typeshed, a class attribute in fact

    def __init__(self, source: str, context: Context | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.context = context if context is not None else Context()
        self.frames: list[Frame] = []
        self.stack: list[str] = []  # the elements open around the current token ("title svg": an SVG one)
        self.spaces: list[str] = []  # where each of them puts its content (see SVG_HTML)
        self.open: Counter[str] = Counter()  # how many of each are in `stack`: questions about it in constant time
        if self.context.foreign is not None:
            self.stack, self.spaces, self.open = self.context.foreign
        self.carried = len(self.stack)  # elements of earlier pieces: not this source's
        self.foreign_start = False  # the start tag being handled made a foreign element
        self.open_frame: Frame | None = None
        self.objects: list[tuple[int, Frame]] = []  # open <object>s (their fallback content is theirs): stack index, frame
        self.position = 0  # offset of the token being handled

    def run(self) -> list[Frame]:
        context = self.context
        self.base = 0  # where reading starts: after the end of raw text left open before
        if context.raw_text is not None:
            end = re.compile(rf"</{context.raw_text}(?=[\t\n\f\r />])", re.IGNORECASE).search(self.source)
            close = self.source.find(">", end.end()) if end else -1
            if close < 0:
                return []  # all of it is text
            context.raw_text, self.base = None, close + 1
        self.rawdata = self.source[self.base :] if self.base else self.source
        self.goahead(True)
        if self.open_frame is not None:  # no end tag: its raw text runs to the end
            self.open_frame.end = len(self.source)
        for _, frame in self.objects:
            frame.end = len(self.source)
        self.context.raw_text = self.cdata_elem
        self.leave()
        return self.frames

    def leave(self) -> None:
        """Update the context for the next piece."""
        context = self.context
        if self.open["svg svg"] or self.open["math math"]:
            context.foreign = (self.stack, self.spaces, self.open)  # its <template>s go with it
        else:
            context.foreign = None
            context.templates += self.open["template"]
            context.links += self.open["a"]

    def updatepos(self, i: int, j: int) -> int:
        # The source is fed once, so `j` is an offset into it; lines are not needed.
        self.position = self.base + j
        return j

    # Events.

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position
        text = self.get_starttag_text() or ""
        self.foreign_start = False
        if self.foreign_rules(tag):
            if tag in BREAKOUT or (tag == "font" and any(name in ("color", "face", "size") for name, _ in attrs)):
                self.pop_foreign()
            else:
                self.foreign_start = True
                self.push(tag, foreign_space(self.spaces[-1].split(":")[0], tag, attrs))
                return
        if tag in ("svg", "math"):
            self.foreign_start = True
            self.push(tag, tag)
            return
        if tag in FRAME_TAGS:
            attributes: dict[str, str] = {}
            for name, value in attrs:
                attributes.setdefault(name, value or "")  # the first of two counts, as in browsers
            frame = Frame(
                tag,
                attributes,
                start,
                start + len(text),
                text,
                closed=False,
                player_fits=not self.inside(PHRASING_ONLY),
                inert=self.inside(INERT) or self.context.templates > 0,
                in_link=self.open["a"] > 0 or self.context.links > 0,
                no_player=self.inside(NO_PLAYER),
                depth=max(0, len(self.stack) - self.carried),
            )
            self.frames.append(frame)
            if tag == "iframe":
                self.open_frame = frame
            elif tag == "object":
                self.objects.append((len(self.stack), frame))
        if tag not in VOID:
            self.push(tag, "html")

    def push(self, tag: str, space: str) -> None:
        key = tag if space == "html" else f"{tag} {space.split(':')[0]}"  # an SVG <template> is no template
        self.stack.append(key)
        self.spaces.append(space)
        self.open[key] += 1

    def foreign_rules(self, tag: str | None) -> bool:
        """Whether a start tag (`tag`) or an end tag (None) is read by the foreign-content rules."""
        space = self.spaces[-1] if self.spaces else "html"
        if space == "html" or tag is None:
            return space != "html"
        if space in ("svg:html", "math:html"):
            return False
        if space == "math:text":
            return tag in ("mglyph", "malignmark")
        if space == "math:xml":
            return tag != "svg"
        return True

    def pop_foreign(self) -> None:
        """Close the foreign elements on top of the stack, down to HTML or an integration point."""
        while self.spaces and self.spaces[-1] in ("svg", "math", "math:xml"):
            self.open[self.stack.pop()] -= 1
            self.spaces.pop()

    def inside(self, tags: frozenset[str]) -> bool:
        """Whether an element of `tags` is open around the current token (in time of `tags`, not of the stack)."""
        return any(self.open[tag] for tag in tags)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<iframe/>` or `<div/>` opens the element all the same: the slash means nothing in HTML.
        self.handle_starttag(tag, attrs)
        if self.foreign_start:  # but it closes an SVG or MathML element
            self.open[self.stack.pop()] -= 1
            self.spaces.pop()
        elif tag in RAW_TEXT:
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "br") and self.foreign_rules(None):
            self.pop_foreign()  # these two end tags break out of foreign content too
        keys = (tag, f"{tag} svg", f"{tag} math")  # an end tag closes an element of that name, whatever its namespace
        if any(self.open[key] for key in keys):  # else a stray end tag: no walk down a deep stack for nothing
            index = len(self.stack) - 1
            while self.stack[index] not in keys:  # every element walked past is popped: linear in all
                index -= 1
            while self.objects and self.objects[-1][0] >= index:  # an <object> ends here, or before an outer end tag
                at, frame = self.objects.pop()
                own = at == index and tag == "object"
                frame.end = self.source.find(">", self.position) + 1 if own else self.position
                frame.closed = own
            self.open.subtract(self.stack[index:])
            del self.stack[index:]
            del self.spaces[index:]
            return
        if tag == "template" and self.context.templates:
            self.context.templates -= 1  # one opened in an earlier piece
        elif tag == "a" and self.context.links:
            self.context.links -= 1

    # Where html.parser departs from the standard.

    def set_cdata_mode(self, elem: str, *args: object, **kwargs: object) -> None:
        if self.foreign_start:
            return  # an SVG or MathML <style>, <title>…: its content is markup
        self.cdata_elem = elem.lower()
        if self.cdata_elem == "plaintext":
            self.interesting = re.compile(r"(?!)")  # text to the end, whatever follows
        else:
            self.interesting = re.compile(rf"</{self.cdata_elem}(?=[\t\n\f\r />])", re.IGNORECASE)

    def parse_endtag(self, i: int) -> int:
        if self.cdata_elem is None:
            return super().parse_endtag(i)
        # Only called where `interesting` matched: `</name` and a delimiter.
        close = self.rawdata.find(">", i + 2)
        if close < 0:
            return len(self.rawdata)  # a tag cut off by the end of the source: the raw text runs on
        self.position = self.base + i
        tag = self.cdata_elem
        if self.open_frame is not None and tag == "iframe":
            self.open_frame.end, self.open_frame.closed = close + 1, True
            self.open_frame = None
        self.handle_endtag(tag)
        self.clear_cdata_mode()
        return close + 1

    def parse_comment(self, i: int, report: int = 1) -> int:
        rawdata = self.rawdata
        if rawdata.startswith("<!-->", i):
            return i + 5
        if rawdata.startswith("<!--->", i):
            return i + 6
        match = COMMENT_END.search(rawdata, i + 4)
        return match.end() if match else len(rawdata)  # unterminated: a comment to the end

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        if self.rawdata.startswith("<![CDATA[", i) and self.foreign_rules(None):
            close = self.rawdata.find("]]>", i + 9)  # a real CDATA section, in foreign content only
            return close + 3 if close >= 0 else len(self.rawdata)
        return self.parse_bogus_comment(i)  # `<!DOCTYPE …>`, `<![CDATA[…>` and the rest end at the first `>`

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        close = self.rawdata.find(">", i + 2)
        return close + 1 if close >= 0 else len(self.rawdata)

    def parse_pi(self, i: int) -> int:
        return self.parse_bogus_comment(i)  # `<?…>` is a bogus comment in HTML


def foreign_space(namespace: str, tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """Where a new SVG or MathML element puts its content (see SVG_HTML)."""
    if namespace == "svg":
        return "svg:html" if tag in SVG_HTML else "svg"
    if tag in MATH_TEXT:
        return "math:text"
    if tag == "annotation-xml":
        encoding = next((value or "" for name, value in attrs if name == "encoding"), "").lower()
        return "math:html" if encoding in ("text/html", "application/xhtml+xml") else "math:xml"
    return "math"


def find_frames(source: str, context: Context | None = None) -> list[Frame]:
    """Every `iframe`, `frame`, `embed` and `object` of `source` that a browser would create, in order.

    `context`, when given, is what earlier pieces of the page left open; it is updated for the next.
    """
    if (context is None or (context.raw_text is None and context.foreign is None)) and not HINT.search(source):
        return []
    return FrameScanner(source, context).run()


def markdown_tag(context: Context, tag: str, end: bool = False) -> None:
    """A tag that Markdown writes between two pieces: while an `<svg>` or `<math>` is open, it closes it
    (a `<p>`, `</p>`, `<em>`: the HTML standard's breakouts) or goes inside it (an `<a>`)."""
    if context.foreign is None or tag in FRAME_TAGS:
        return
    scanner = FrameScanner("", context)
    if not end:
        scanner.handle_starttag(tag, [])
    elif any(scanner.open[key] for key in (tag, f"{tag} svg", f"{tag} math")):
        scanner.handle_endtag(tag)
    else:
        context.foreign = None  # the end of a Markdown element around the pieces: what they opened ends with it
        return
    scanner.leave()


def closes(source: str, tag: str = "iframe") -> bool:
    """True for a string that is exactly the end tag of `tag`, an iframe or an object (as Markdown stashes an inline `</iframe>`)."""
    frames = FrameScanner(f"<{tag}>" + source).run()
    return frames[0].closed and frames[0].end == len(source) + len(tag) + 2
