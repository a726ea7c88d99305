"""The Zensical adapter: what only Zensical knows, read from its internals (0.0.73).

Zensical has no plugin system: it skips `plugins: - postkit` and renders each page
with a fresh `Markdown()` built from `markdown_extensions`. So `mkdocs_postkit.video`,
when it finds Zensical's page context in its Markdown instance, calls `extend`, which
tells the core what the MkDocs plugin tells it under MkDocs: the page, the nav order,
the plugin's options, where to log, and whether the build is strict. Everything that
depends on Zensical's internals is in this module.
"""

from __future__ import annotations

import base64
import functools
import logging
import posixpath
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.meta import get_data
from zensical.config import get_config
from zensical.extensions.context import ContextExtension, ContextPreprocessor
from zensical.extensions.media import MediaExtension

from .. import navigation, pages, thumbnails
from ..messages import site_language, site_messages
from ..video.extension import PageContext, VideoExtension, log
from ..video.sources import Video
from .mkdocs import EXTENSION_OPTIONS, PostkitConfig, valid_messages  # the plugin's options, checked by its own schema

T = TypeVar("T")

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree


class StrictBuildError(Exception):
    """Raised after a page's warnings when the build is strict: Zensical counts no extension's warnings,
    but an exception from a Markdown extension stops `zensical build` with exit status 1."""


@dataclass
class Rendering:
    """How far this Markdown instance is in rendering its page."""

    tree_done: bool = False  # `toc` runs the postprocessors on each heading's name before the page's tree is done
    is_part: bool = True  # False when the page's front matter says `postkit_position: false`


def extend(md: Markdown, extension: VideoExtension) -> None:
    """Register what the core needs from Zensical on this page's Markdown instance."""
    _log_like_mkdocs()
    rendering = Rendering()
    md.preprocessors.register(PageStart(md, extension, rendering), "postkit_zensical_page", 99)  # after SourceLines (100)
    md.treeprocessors.register(TreeDone(md, extension, rendering), "postkit_zensical_tree_done", 0)
    md.postprocessors.register(PageEnd(md, extension, rendering), "postkit_zensical_page_end", 1)  # after Markdown's own


class _Step:
    def __init__(self, md: Markdown, extension: VideoExtension, rendering: Rendering) -> None:
        super().__init__(md)  # type: ignore[call-arg]
        self.extension = extension
        self.rendering = rendering


class PageStart(_Step, Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        context = ContextPreprocessor.from_markdown(self.md)
        if context is None:
            return lines
        path: str = context.page.path
        self.extension.page = PageContext(path, functools.partial(_front_matter_lines, path, lines), functools.partial(_resolve, path))
        self.rendering.tree_done = False
        self.rendering.is_part = context.page.meta.get("postkit_position") is not False
        media = next((e for e in self.md.registeredExtensions if isinstance(e, MediaExtension)), None)
        if media is not None:
            # Zensical's copy of mkdocs-video, switched on by `mkdocs-video` under `plugins`: postkit's
            # players replace it (its audio stays), as postkit replaces mkdocs-video under MkDocs.
            media.media_config.video.enabled = False
        options = plugin_options()
        settings = extension_settings(vars(media.media_config.video) if media else {}, options, _defaults())
        settings["language"] = site_language(options["language"], self.extension.getConfig("language"), get_config()["theme"])
        settings["messages"] = site_messages(self.extension.getConfig("messages"), options["messages"])
        self.extension.setConfigs(settings)  # rebuilds the extension's words, which the position line reads too
        self.extension.thumbnail = _thumbnails(self.extension, options)
        return lines


def extension_settings(mkdocs_video: dict[str, Any], postkit: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The extension's options that the plugins set, as the MkDocs plugin passes them on: mkdocs-video's
    options (a site that still lists it), then postkit's, each only where set away from its default."""
    settings = {}
    for options in (mkdocs_video, postkit):
        for name, extension_name in EXTENSION_OPTIONS.items():
            if name in options and options[name] != defaults[name]:
                settings[extension_name] = options[name]
    return settings


class TreeDone(_Step, Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.rendering.tree_done = True


class PageEnd(_Step, Postprocessor):
    def run(self, text: str) -> str:
        extension, rendering = self.extension, self.rendering
        if not rendering.tree_done or extension.page is None:
            return text
        rendering.tree_done = False
        path = extension.page.src_path
        state = extension.state
        if state.warnings and _strict():
            raise StrictBuildError(f"postkit: {path} has {state.warnings} video warning(s), printed above, and the build is strict")
        options = plugin_options()
        if state.placed:
            text = _with_assets(text)
        part = _parts().get(path) if rendering.is_part else None
        facts = pages.read_page(text)
        minutes = navigation.reading_minutes(facts.words, options["words_per_minute"], videos=len(state.links))
        if facts.markers:  # an author's page of all videos (Zensical cannot generate one)
            text = pages.replace_markers(text, _videos_list(path, extension), facts)
        return pages.with_position(text, part, minutes, extension.messages)


def _per_config(read: Callable[[], T]) -> Callable[[], T]:
    """Computed once per configuration: `zensical serve` reads mkdocs.yml again when it changes."""
    seen: list[tuple[dict[str, Any], T]] = []  # holds the configuration, so that `is` cannot meet a new one at its address

    @functools.wraps(read)
    def cached() -> T:
        config = get_config()
        if not seen or seen[0][0] is not config:
            seen[:] = [(config, read())]
        return seen[0][1]

    return cached


def _front_matter_lines(path: str, lines: list[str]) -> int:
    try:
        source = (_docs_dir() / path).read_text("utf-8")
    except OSError:
        return 0
    return pages.lines_above(source, "\n".join(lines))


def _resolve(page_path: str, written: str) -> str | None:
    """A file in docs/ or the theme folder is used as written (Zensical makes it relative to the built page),
    a missing one is None."""
    target, _ = pages.docs_path(page_path, written)
    outside = target == ".." or target.startswith("../")  # as under MkDocs, only files in the site count
    return written if not outside and any((folder / target).is_file() for folder in _copied_folders()) else None


def _docs_dir() -> Path:
    config = get_config()
    return Path(config["root_dir"], config["docs_dir"])


def _copied_folders() -> list[Path]:
    """The folders Zensical copies into the site as they are: docs_dir, and the theme's custom_dir (as MkDocs does)."""
    config = get_config()
    custom = config["theme"].get("custom_dir")
    return [_docs_dir()] + ([Path(config["root_dir"], custom)] if custom else [])


def _thumbnails(extension: VideoExtension, options: dict[str, Any]) -> Callable[[Video], tuple[str, int, int] | None] | None:
    """The extension's thumbnail hook, as the MkDocs plugin's but read-only: Zensical never fetches.

    Zensical empties the site folder on each build and takes unchanged pages from its cache without
    running Python, so an image written into the site from here would not last. It copies docs_dir and
    the theme folder itself: a cache inside one of them is served at the same address as under MkDocs."""
    if not (options["thumbnails"] or options["thumbnails_fetch"]):
        return None
    cache = thumbnails.ThumbnailCache(Path(get_config()["root_dir"], options["thumbnails_cache"]))  # read afresh for each page
    folders = _copied_folders()
    outside = thumbnails.served_path(cache.folder, folders) is None

    def thumbnail(video: Video) -> tuple[str, int, int] | None:
        key = thumbnails.key_of(video)
        found = cache.get(key) if key and not outside else None
        served = thumbnails.served_path(found.path, folders) if found else None
        if key and served is None:
            _tell_once(key, extension, str(options["thumbnails_cache"]), outside)
        return (served, found.width, found.height) if found and served else None

    return thumbnail


def _tell_once(key: str, extension: VideoExtension, folder: str, outside: bool) -> None:
    """One info line per configuration for facades without their thumbnail (not a fault of the build)."""
    told = _thumbnails_told()
    if told:
        return
    told.append(key)
    page = extension.page.src_path if extension.page else ""
    if outside:
        log.info(
            f"postkit: the thumbnails in {folder}/ are not shown under Zensical, which copies only docs_dir and the theme's "
            "custom_dir into the site; set the postkit option thumbnails_cache to a folder inside one of them (mkdocs.yml), "
            "where MkDocs serves them too."
        )
    else:
        log.info(
            f"postkit: {key} ({page}) has no thumbnail in {folder}/ and shows a plain tile, as may other videos (this line is "
            "not repeated); Zensical never fetches: build once with MkDocs and the postkit option thumbnails_fetch: true "
            f"(needs network), then commit {folder}/."
        )


@_per_config
def _thumbnails_told() -> list[str]:
    return []


@_per_config
def _nav_pages() -> list[tuple[str, str | None]]:
    """(path, title) of the nav's pages, in its order, as MkDocs lists `nav.pages`."""
    found: list[tuple[str, str | None]] = []
    stack = list(reversed(get_config()["nav"]))
    while stack:
        item = stack.pop()
        url = item.get("url")
        if isinstance(url, str) and url.endswith(".md") and "://" not in url:
            found.append((url, item.get("title")))
        stack.extend(reversed(item.get("children") or []))
    return found


@_per_config
def _parts() -> dict[str, navigation.Part]:
    """Part numbers from the nav, in its order, as the MkDocs plugin numbers its parts.

    Pages switched off in their front matter are left out; whether a page holds content of
    its own is known only once it is rendered, which Zensical does page by page (the MkDocs
    plugin leaves out pages without). One page is not a series."""
    found = [path for path, _ in _nav_pages() if _page_source(path)[1].get("postkit_position") is not False]
    return navigation.number_parts(found) if len(found) > 1 else {}


@_per_config
def plugin_options() -> dict[str, Any]:
    """The `postkit` plugin's options in mkdocs.yml, checked by the plugin's own schema (Zensical drops them)."""
    options: dict[str, Any] = {}
    config_file = _config_file()
    if config_file is not None and config_file.suffix in (".yml", ".yaml"):
        loaded = yaml.load(config_file.read_text("utf-8"), Loader=_AnyTagLoader)  # safe: unknown tags read as None
        for entry in (loaded or {}).get("plugins") or []:
            if isinstance(entry, dict) and isinstance(entry.get("postkit"), dict):
                options = entry["postkit"]
    schema = PostkitConfig()
    schema.load_dict(options)
    failed, warned = schema.validate()
    for name, error in failed + warned:
        log.warning(f"postkit: the option '{name}' of the postkit plugin: {error} ({config_file}).")
    if failed:
        return dict(_defaults())
    # Each unusable message is a warning, as under MkDocs (once per configuration: this is cached).
    return dict(schema) | {"messages": valid_messages(schema["messages"])}


@functools.cache
def _defaults() -> dict[str, Any]:
    schema = PostkitConfig()
    schema.load_dict({})
    schema.validate()
    return dict(schema)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for postkit's options only: `!ENV`, `!!python/name` and the like become None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config_file() -> Path | None:
    """The file `zensical build -f` was given, else the one it looks for in the project's folder."""
    args = sys.argv[1:]
    for flag in ("-f", "--config-file"):
        if flag in args[:-1]:
            return Path(args[args.index(flag) + 1])
    for arg in args:
        if arg.startswith("--config-file="):
            return Path(arg.split("=", 1)[1])
    root = Path(get_config()["root_dir"])
    return next((root / name for name in ("mkdocs.yml", "mkdocs.yaml") if (root / name).is_file()), None)


def _strict() -> bool:
    """`strict: true` in mkdocs.yml, or `zensical build --strict` (the flag goes to Zensical's Rust side only)."""
    args = sys.argv[1:]
    return bool(get_config().get("strict")) or ("build" in args and any(arg in ("-s", "--strict") for arg in args))


def _with_assets(html: str) -> str:
    """A page with facades links postkit's CSS and JS, unless mkdocs.yml lists them (as this site does):
    under MkDocs the plugin adds them, and Zensical runs no plugin. They go in as data: URLs because a file
    written into the site would not last: Zensical empties the site folder on each build and takes unchanged
    pages from its cache without calling Python, so nothing here would write the file again."""
    config = get_config()
    listed = [str(item) for item in config["extra_css"]] + [str(item.get("path", item)) for item in config["extra_javascript"]]
    if any(name in entry for entry in listed for name in ("postkit.css", "postkit.js")):
        return html
    css, js = _assets()
    # A module runs once per document however often Material's instant navigation inserts its tag again.
    return f'<link rel="stylesheet" href="{css}">\n<script type="module" src="{js}"></script>\n' + html


@functools.cache
def _assets() -> tuple[str, str]:
    folder = files("mkdocs_postkit").joinpath("assets")

    def data_url(kind: str, name: str) -> str:
        return f"data:text/{kind};base64,{base64.b64encode(folder.joinpath(name).read_bytes()).decode('ascii')}"

    return data_url("css", "postkit.css"), data_url("javascript", "postkit.js")


def _log_like_mkdocs() -> None:
    """Warnings printed as MkDocs prints them (Zensical configures no Python logging)."""
    logger = logging.getLogger("mkdocs")
    if not logger.hasHandlers():
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)  # as MkDocs prints them (an info line says which thumbnails are missing)


def _videos_list(list_path: str, extension: VideoExtension) -> str:
    """The list of every video of the nav's pages, as the MkDocs plugin writes it.

    Zensical renders each page alone, so the other pages' videos are found by rendering
    their Markdown here, once per configuration, with the site's extensions (warnings are
    theirs to give when Zensical renders them)."""
    entries = []
    for path, title in _nav_pages():
        if path == list_path:
            continue
        part = _parts().get(path)
        label = extension.messages("part", number=part.number, total=part.total) if part and extension.messages.template("part") else ""
        # Written as the page's source path: Zensical turns links to .md files into their URLs (and
        # would read a URL such as ../videos/ as a path from the page's source, one folder too high).
        url = posixpath.relpath(path, posixpath.dirname(list_path) or ".")
        for video in _videos_of(path, extension):
            entries.append((url, title or path, label, video))
    return navigation.videos_index_html(entries, extension.messages)


def _videos_of(path: str, extension: VideoExtension) -> list[navigation.VideoLink]:
    cache = _videos_cache()
    if path not in cache:
        cache[path] = _render_videos(path, {name: extension.getConfig(name) for name in extension.config})
    return cache[path]


@_per_config
def _videos_cache() -> dict[str, list[navigation.VideoLink]]:
    return {}


def _render_videos(path: str, settings: dict[str, Any]) -> list[navigation.VideoLink]:
    config = get_config()
    extensions = [e for e in config["markdown_extensions"] if not isinstance(e, ContextExtension)]  # no page context: no adapter
    md = Markdown(extensions=extensions, extension_configs=config["mdx_configs"])
    video = next(e for e in md.registeredExtensions if isinstance(e, VideoExtension))
    video.setConfigs(settings)
    video.thumbnail = None  # only the links are wanted; each page shows its own thumbnails
    md.reset()
    quiet, log.disabled = log.disabled, True  # warnings are the page's own, when Zensical renders it
    try:
        md.convert(_page_source(path)[0])
    finally:
        log.disabled = quiet
    return list(video.state.links)


def _page_source(path: str) -> tuple[str, dict[str, Any]]:
    """A page's Markdown and front matter, as MkDocs reads them."""
    try:
        return get_data((_docs_dir() / path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return "", {}
