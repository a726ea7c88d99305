"""`mkdocs_postkit.stylesheets`: a page's stylesheet links merged into one file, in order."""

from __future__ import annotations

from mkdocs_postkit.stylesheets import bundle, merge_links, site_path

FILES = {"assets/a.css": '@charset "UTF-8";a{color:red}', "assets/b.css": "b{color:blue}\n", "x/c.css": "c{}"}
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
