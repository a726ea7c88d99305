"""Valid HTML: html-validate (pinned in tests/audit) on every built page.

tests/audit/.htmlvalidate.json is html-validate's recommended and document presets
with a few exceptions, each for markup that Material writes (tests/audit/README.md
says why). The second test proves that: with no exception at all, every message
is about one of those places in Material's markup. Our own markup (the article with
postkit's figures, also as postkit.js rewrites it, and our head tags) passes with none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.audit import fragment_document, html_validate, html_validate_strict, messages

# For each rule .htmlvalidate.json relaxes: how to recognise the Material markup it is relaxed for.
# `element` is the element the message is about (tag, id, classes, href/src), None for the doctype.
MATERIAL = {
    "doctype-style": lambda el, line: line.lower().startswith("<!doctype html>"),  # base.html's lower-case doctype
    "no-trailing-whitespace": lambda el, line: line.strip() == "",  # indentation-only lines left by the templates
    "valid-id": lambda el, line: el["id"].startswith("__"),  # __drawer, __search, __palette_0, __toc, __config
    "valid-autocomplete": lambda el, line: el["tag"] == "input" and "md-toggle" in el["classes"],
    "input-missing-label": lambda el, line: el["tag"] == "input" and "md-toggle" in el["classes"],
    "wcag/h32": lambda el, line: el["tag"] == "form" and bool({"md-header__option", "md-search__form"} & set(el["classes"])),
    "unique-landmark": lambda el, line: el["tag"] == "nav" and "md-nav--secondary" in el["classes"],  # the TOC, drawn twice
    "require-sri": lambda el, line: el["tag"] in ("link", "script") and not re.match(r"(https?:)?//", el["url"]),  # same origin
    "long-title": lambda el, line: el["tag"] == "title",  # see README: the home page's title is the post's
}

DESCRIBE = """sel => { const el = document.querySelector(sel); return el && {
    tag: el.localName, id: el.id, classes: [...el.classList], url: el.getAttribute("href") || el.getAttribute("src") || "" } }"""


def _files(site: Path) -> list[Path]:
    files = sorted(site.rglob("*.html"))
    assert site / "404.html" in files and len(files) >= 7, files
    return files


def test_every_page_is_valid(built_site):
    results = html_validate(_files(built_site))
    assert not results, "\n".join(messages(results))


def test_every_exception_is_for_materials_markup(built_site, browser):
    results = html_validate_strict(_files(built_site))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen: set[str] = set()
    unexplained = []
    try:
        for result in results:
            path = Path(result["filePath"])
            source = path.read_text("utf-8")
            lines = source.splitlines()
            page.set_content(source, wait_until="domcontentloaded")
            for message in result["messages"]:
                rule, line = message["ruleId"], lines[message["line"] - 1]
                element = page.evaluate(DESCRIBE, message["selector"]) if message.get("selector") else None
                material = MATERIAL.get(rule)
                if (
                    material is None
                    or (element is None and rule not in ("doctype-style", "no-trailing-whitespace"))
                    or not material(element, line)
                ):
                    unexplained.append(f"{path.relative_to(built_site)}:{message['line']} {rule} {element} {message['message']}")
                seen.add(rule)
    finally:
        context.close()
    assert not unexplained, "\n".join(unexplained)
    # Each exception is still needed: a relaxed rule that no longer fires should be switched back on.
    assert seen == set(MATERIAL), f"exceptions no page needs any more: {set(MATERIAL) - seen}"


def _fragment(html: str) -> str:
    start = html.index('<article class="md-content__inner md-typeset">')
    article = html[start : html.index("</article>", start) + len("</article>")]
    ours = re.findall(r'<meta (?:property|name)="(?:og|twitter|article):[^>]*>', html)  # overrides/main.html's head tags
    return fragment_document(article, head="\n".join(ours))


def test_our_markup_needs_no_exception(built_site, site_url, page, tmp_path):
    """The article (the post, postkit's figures, the 404 text) with no exception: as built, as postkit.js upgrades it, and playing."""
    docs = {}
    for path in _files(built_site):
        docs[str(path.relative_to(built_site))] = _fragment(path.read_text("utf-8"))
    page.goto(site_url + "videos/")
    page.locator("button.postkit-video__facade").first.wait_for()
    docs["videos (facades upgraded by postkit.js)"] = fragment_document(page.eval_on_selector("article", "e => e.outerHTML"))
    page.locator("button.postkit-video__facade").first.click()
    page.locator("iframe.postkit-video__player").wait_for(state="attached")
    docs["videos (first video playing)"] = fragment_document(page.eval_on_selector("article", "e => e.outerHTML"))
    assert sum(doc.count('class="postkit-video"') for doc in docs.values()) >= 12, "no postkit figures to check"

    files = []
    for n, (name, doc) in enumerate(docs.items()):
        file = tmp_path / f"{n}.html"
        file.write_text(doc, encoding="utf-8")
        files.append((file, name))
    results = html_validate_strict([file for file, _ in files])
    names = {str(file): name for file, name in files}
    found = [f"{names[r['filePath']]}:{m['line']} {m['ruleId']} {m['message']}" for r in results for m in r["messages"]]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("markup", "rule"),
    [
        # A play button inside the fallback link: interactive content nested in interactive content.
        (
            '<figure class="postkit-video"><a href="https://www.youtube.com/watch?v=x"><button type="button">Play</button></a></figure>',
            "element-permitted-content",
        ),
        # postkit writes style="aspect-ratio: ..." for videos that are not 16:9 (none on this site yet).
        ('<a class="postkit-video__facade" href="https://www.youtube.com/watch?v=x" style="aspect-ratio: 9 / 16">x</a>', "no-inline-style"),
    ],
)
def test_the_strict_check_can_fail(tmp_path, markup, rule):
    file = tmp_path / "broken.html"
    file.write_text(fragment_document(markup), encoding="utf-8")
    assert rule in {m["ruleId"] for r in html_validate_strict([file]) for m in r["messages"]}
