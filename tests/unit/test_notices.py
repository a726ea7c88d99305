"""`mkdocs_postkit.notices`: the preview's warnings, as text, first in the article."""

from __future__ import annotations

import logging

from mkdocs_postkit.notices import WarningLog, add_to_site, insert_notice

ARTICLE = '<article class="md-content__inner md-typeset">'  # Material's, as it writes it

PAGE = f"<html><head></head><body><header>h</header>{ARTICLE}<h1>T</h1></article></body></html>"


def test_the_notice_is_first_in_the_article_and_its_messages_stay_text():
    html = insert_notice(PAGE, ["postkit: a.md:3: '<script>alert(1)</script>' is not a video"])
    before, after = html.split(ARTICLE)
    assert before == "<html><head></head><body><header>h</header>"
    assert after.startswith('<div class="postkit-build-warnings" role="alert"')
    assert "<li><code>postkit: a.md:3: &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; is not a video</code></li>" in after
    assert "<script>" not in html
    assert "this build has 1 warning.</strong>" in html and "until it is fixed" in html
    assert "this build has 2 warnings.</strong>" in insert_notice(PAGE, ["a", "b"])


def test_no_messages_no_notice_and_a_page_without_article():
    assert insert_notice(PAGE, []) == PAGE
    assert insert_notice("<body class='x'><p>", ["m"]).startswith("<body class='x'><div class=\"postkit-build-warnings\"")


def test_the_log_keeps_each_warning_once_and_ignores_info():
    log = WarningLog()
    logger = logging.getLogger("mkdocs.test_notices")
    logger.addHandler(log)
    try:
        logger.info("built")
        logger.warning("Doc file '%s' contains a broken link", "a.md")
        logger.warning("Doc file '%s' contains a broken link", "a.md")
        logger.error("e")
    finally:
        logger.removeHandler(log)
    assert log.messages == ["Doc file 'a.md' contains a broken link", "e"]


def test_every_page_of_the_site_gets_it(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "fragment.html").write_text("<p>no head</p>", "utf-8")
    add_to_site(str(tmp_path), ["m"])
    assert "postkit-build-warnings" in (tmp_path / "a" / "index.html").read_text("utf-8")
    assert (tmp_path / "fragment.html").read_text("utf-8") == "<p>no head</p>"


def test_the_article_and_body_are_found_by_the_tokenizer_not_as_text():
    decoys = f'<script>var s = "{ARTICLE}<body>";</script><!-- {ARTICLE} <body> -->'
    page = f"<html><head>{decoys}</head><body><p>before</p>{ARTICLE}<h1>T</h1></article></body></html>"
    html = insert_notice(page, ["m"])
    assert html.startswith(f'<html><head>{decoys}</head><body><p>before</p>{ARTICLE}<div class="postkit-build-warnings"')
    fragment = f"<p>{decoys}</p>"
    assert insert_notice(fragment, ["m"]) == fragment
