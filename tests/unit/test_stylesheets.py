"""`mkdocs_postkit.stylesheets`: a page's stylesheet links merged into one file, in order."""

from __future__ import annotations

import pytest

from mkdocs_postkit.stylesheets import bundle, merge_links, site_path

FILES = {"assets/a.css": '@charset "UTF-8";a{color:red}', "assets/b.css": "b{color:blue}\n", "x/c.css": "c{}"}
FILES["assets/x.css"] = "x{display:none}"  # in the bundle only if something that is no plain link were merged
HEAD = (
    "<html><head>\n"
    '<link rel="stylesheet" href="../assets/a.css">\n'
    "<style>:root{--icon:1}</style>\n"
    '<link rel="stylesheet" href="../assets/b.css">\n'
    '<link rel="stylesheet" href="../x/c.css">\n'
    "</head><body><p>"
)


def test_links_become_one_file_with_their_contents_in_order():
    html, merged = merge_links(HEAD + '<link rel="stylesheet" href="../assets/a.css">', "videos/index.html", FILES.get)
    assert merged is not None
    name, css = merged
    assert css == '@charset "UTF-8";\na{color:red}\nb{color:blue}\nc{}\n'
    assert name == bundle([FILES["assets/a.css"], FILES["assets/b.css"], FILES["x/c.css"]])[0]
    assert name.startswith("assets/stylesheets/bundle.") and name.endswith(".min.css")
    assert html == (
        "<html><head>\n"
        f'<link rel="stylesheet" href="../{name}">\n'
        "<style>:root{--icon:1}</style>\n"
        "</head><body><p>"
        '<link rel="stylesheet" href="../assets/a.css">'  # the body is not the head
    )


def test_the_link_keeps_the_form_of_the_first_one():
    head = '<head><link rel="stylesheet" href="/assets/a.css">\n<link rel="stylesheet" href="/assets/b.css">\n</head>'
    html, merged = merge_links(head, "404.html", FILES.get)
    assert merged and html == f'<head><link rel="stylesheet" href="/{merged[0]}">\n</head>'


def test_the_name_changes_with_the_contents():
    assert bundle(["a{}"])[0] != bundle(["a{ }"])[0]
    assert bundle(["a{}"]) == bundle(["a{}"])


def test_pages_left_alone():
    one = '<head><link rel="stylesheet" href="assets/a.css">\n</head>'
    missing = '<head><link rel="stylesheet" href="assets/a.css">\n<link rel="stylesheet" href="assets/gone.css">\n</head>'
    foreign = '<head><link rel="stylesheet" href="assets/a.css">\n<link rel="stylesheet" href="https://cdn.example/b.css">\n</head>'
    for html in (one, missing, foreign, "no head at all"):
        assert merge_links(html, "index.html", FILES.get) == (html, None)


def test_site_path():
    assert site_path("../assets/a.css", "videos/index.html") == "assets/a.css"
    assert site_path("assets/a.css", "index.html") == "assets/a.css"
    assert site_path("/assets/a.css", "404.html") == "assets/a.css"
    assert site_path("//cdn.example/a.css", "index.html") is None
    assert site_path("a.css?v=2", "index.html") is None
    assert site_path("/post/assets/a.css", "404.html", root="/post/") == "assets/a.css"  # a project page
    assert site_path("../assets/a.css", "videos/index.html", root="/post") == "assets/a.css"
    assert site_path("/elsewhere/a.css", "404.html", root="/post/") is None
    assert site_path("../../a.css", "videos/index.html", root="/post/") is None


# Hostile heads: each is read as a browser reads it, tags by a tokenizer, not by a pattern.
A = '<link rel="stylesheet" href="assets/a.css">\n'
C = '<link rel="stylesheet" href="x/c.css">\n'
FILES_ABC = [FILES["assets/a.css"], FILES["assets/b.css"], FILES["x/c.css"]]


def merged_head(html: str) -> str:
    """`html` merged, asserting that it was merged: `{}` in the expected page stands for the bundle's name."""
    out, merged = merge_links(html, "index.html", FILES.get)
    assert merged is not None, "the page was left as it is"
    return out.replace(merged[0], "{}")


@pytest.mark.parametrize(
    "text",
    [
        '<!-- <link rel="stylesheet" href="assets/x.css"> -->',  # commented out: stays off
        "<!-- </head> -->",
        '<script>document.write("</head>")</script>',  # text of a script, not the end of the head
        '<script>const link = \'<link rel="stylesheet" href="assets/x.css">\'</script>',  # ditto, a link
        '<style>/* </head> <link rel="stylesheet" href="assets/x.css"> */</style>',
        "<title>&lt;/head&gt; </head> and more</title>",  # a title is text up to </title>
        '<link rel="preload" href="assets/x.css" as="style">',  # not a stylesheet: not merged, and in the way of none
    ],
)
def test_what_only_looks_like_a_link_or_the_end_of_the_head_stays_as_it_is(text):
    html = "<head>\n" + text + "\n" + A + '<link rel="stylesheet" href="assets/b.css">\n' + "</head><body>"
    assert merged_head(html) == "<head>\n" + text + '\n<link rel="stylesheet" href="{}">\n</head><body>'
    assert merge_links(html, "index.html", FILES.get)[1] == bundle(FILES_ABC[:2])


@pytest.mark.parametrize(
    "spelling",
    [
        "<link href='assets/b.css' rel='stylesheet'>",  # href first, single quotes
        "<LINK REL=STYLESHEET HREF=assets/b.css>",
        '<link rel="stylesheet" href="assets/b.css"/>',
        '<link rel="stylesheet" href="assets/b.css" />',
        '<link\n  rel="stylesheet"\n  href="assets/b.css"\n>',
        '<link rel=" Stylesheet " href="assets/b.css">',  # rel is a set of tokens, compared ASCII case-insensitively
        '<link rel="stylesheet" href="assets/b&#46;css">',  # a character reference in a value is the character
    ],
)
def test_every_spelling_of_a_plain_link_is_merged_in_its_place(spelling):
    html = "<head>\n" + A + spelling + "\n" + C + "</head>"
    assert merged_head(html) == '<head>\n<link rel="stylesheet" href="{}">\n</head>'
    assert merge_links(html, "index.html", FILES.get)[1] == bundle(FILES_ABC)


def test_the_first_link_gives_the_form_whatever_its_spelling():
    html = "<head><LINK HREF='/assets/a.css' REL=stylesheet />\n" + '<link rel="stylesheet" href="/assets/b.css">\n</head>'
    assert merged_head(html) == '<head><link rel="stylesheet" href="/{}">\n</head>'


@pytest.mark.parametrize(
    "odd",
    [
        # Merging the plain links around one of these would move it in the cascade (or drop what it says).
        '<link rel="stylesheet" href="assets/x.css" media="print">',
        '<link rel="stylesheet" href="assets/x.css" integrity="sha384-AbC" crossorigin="anonymous">',
        '<link rel="stylesheet" href="assets/x.css" crossorigin>',
        '<link rel="stylesheet" href="assets/x.css" disabled>',
        '<link rel="stylesheet" href="assets/x.css" title="Print">',
        '<link rel="alternate stylesheet" href="assets/x.css" title="Dark">',
        '<link rel="stylesheet preload" href="assets/x.css">',
        '<link rel="stylesheet" href="assets/x.css" href="assets/a.css">',  # the first of two counts
        '<link rel="stylesheet" href="">',  # fetches nothing
        '<link rel="stylesheet">',
        # A link in <noscript> is text when scripts run; one in <template> is never applied.
        '<noscript><link rel="stylesheet" href="assets/x.css"></noscript>',
        '<template><link rel="stylesheet" href="assets/x.css"></template>',
        '<base href="/elsewhere/">',  # every href would mean another file
    ],
)
def test_a_head_with_a_stylesheet_link_that_is_not_plain_is_left_as_it_is(odd):
    html = "<head>\n" + A + odd + "\n" + '<link rel="stylesheet" href="assets/b.css">\n' + "</head>"
    assert merge_links(html, "index.html", FILES.get) == (html, None)


def test_the_head_ends_at_the_body_too():
    html = "<html><head>\n" + A + C + "<body><p>x"
    assert merged_head(html) == '<html><head>\n<link rel="stylesheet" href="{}">\n<body><p>x'


def test_links_in_the_body_are_not_touched_nor_in_the_way():
    body = '</head><body><link rel="stylesheet" href="assets/x.css" media="print"><link rel="stylesheet" href="x/c.css">'
    assert merged_head("<head>\n" + A + '<link rel="stylesheet" href="assets/b.css">\n' + body) == (
        '<head>\n<link rel="stylesheet" href="{}">\n' + body
    )


def test_the_new_href_is_escaped_as_the_tokenizer_unescaped_the_old_one():
    html = '<head><link rel="stylesheet" href="/a&amp;b/assets/a.css">\n<link rel="stylesheet" href="/a&amp;b/assets/b.css">\n</head>'
    out, merged = merge_links(html, "404.html", FILES.get, root="/a&b/")
    assert merged and out == f'<head><link rel="stylesheet" href="/a&amp;b/{merged[0]}">\n</head>'


def test_a_byte_order_mark_does_not_land_inside_the_bundle():
    # A browser drops a file's BOM as it decodes it; inside the bundle, U+FEFF would start the next selector
    # (`\ufeffb` matches no <b>) or hide an `@charset`, and the file's first rule would be lost.
    assert bundle(["a{}", '\ufeff@charset "UTF-8";b{}', "\ufeffc{}"])[1] == '@charset "UTF-8";\na{}\nb{}\nc{}\n'


# What a stylesheet says must mean the same once it sits in the bundle (assets/stylesheets/bundle.*.css).
@pytest.mark.parametrize(
    ("path", "css"),
    [
        ("css/site.css", "body{background:url(img/bg.png)}"),  # read from css/: the bundle would look in assets/stylesheets/
        ("css/site.css", '@font-face{font-family:X;src:url( "fonts/x.woff2" )}'),
        ("css/site.css", "a{background:URL(../up.png)}"),
        ("css/site.css", "a{background:url(#gradient)}"),  # in doubt, no
        ("css/site.css", 'a{background:image-set("a.png" 1x, "a@2x.png" 2x)}'),  # addresses in strings
        ("css/site.css", "a{background:u\\72l(a.png)}"),  # an escape spells url
        ("css/site.css", '@import url("more.css");a{}'),  # valid only at a file's top: dropped mid-bundle
        ("assets/stylesheets/site.css", '@import "more.css";'),  # ...even in the bundle's folder
        ("assets/stylesheets/site.css", "@IMPORT 'more.css';"),
        ("assets/stylesheets/site.css", "@\\69mport 'more.css';"),
        ("assets/stylesheets/site.css", '@namespace svg url("http://www.w3.org/2000/svg");'),
    ],
)
def test_a_stylesheet_whose_meaning_depends_on_where_it_is_keeps_the_page_unmerged(path, css):
    files = {"assets/stylesheets/main.css": "a{color:red}", path: css}
    html = f'<head><link rel="stylesheet" href="assets/stylesheets/main.css">\n<link rel="stylesheet" href="{path}">\n</head>'
    assert merge_links(html, "index.html", files.get) == (html, None)


@pytest.mark.parametrize(
    ("path", "css"),
    [
        ("assets/postkit/postkit.css", 'a{mask:url("data:image/svg+xml,%3Csvg%3E")}'),  # position-independent addresses
        ("css/site.css", "a{background:url(https://cdn.example/a.png)}b{background:url(  /root.png)}c{background:url('//h/x')}"),
        ("assets/stylesheets/site.css", 'a{background:url(img/bg.png)}a:after{content:"\\f101"}'),  # the bundle's own folder
        ("css/site.css", "@media print{a{color:black}}@font-face{font-family:Y;src:local(Y)}"),
    ],
)
def test_a_stylesheet_that_means_the_same_anywhere_is_merged(path, css):
    files = {"assets/stylesheets/main.css": "a{color:red}", path: css}
    html = f'<head><link rel="stylesheet" href="assets/stylesheets/main.css">\n<link rel="stylesheet" href="{path}">\n</head>'
    out, merged = merge_links(html, "index.html", files.get)
    assert merged is not None and merged[1].endswith(css + "\n")
    assert out.count("<link") == 1
