"""The `postkit` MkDocs plugin: wiring only. The work is in `video` and `navigation`."""

from __future__ import annotations

import functools
import logging
import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import anchors, navigation, notices, pages, previews, stylesheets, thumbnails
from ..messages import MessageError, Messages, site_language, site_messages
from ..thumbnails import VIMEO_FROM, YOUTUBE_FROM
from ..video import VideoExtension
from ..video.extension import PageContext
from ..video.sources import Video

log = get_plugin_logger("postkit")  # warnings read "postkit: …", like the extension's
ASSETS = ("assets/postkit/postkit.css", "assets/postkit/postkit.js")
THUMBNAILS = "assets/postkit/thumbnails/"  # in the site, the cache's layout below it
PREVIEWS = "assets/postkit/previews/"


T = TypeVar("T")


class Checked(c.Type[T]):
    """An option of one type whose value also passes `check`, a pure function that raises ValueError saying why not:
    MkDocs reports it as `Config value '<name>': <why>` before the build starts."""

    def __init__(self, type_: type[T], check: Callable[[T], T], default: T) -> None:
        super().__init__(type_, default=default)
        self.check = check

    def run_validation(self, value: object) -> T:
        try:
            return self.check(super().run_validation(value))
        except ValueError as error:
            raise base.ValidationError(str(error)) from None


class PostkitConfig(base.Config):
    enabled = c.Type(bool, default=True)
    anchor_prefix = Checked(str, anchors.check_prefix, default="video-")
    language = c.Optional(c.Type(str))  # the theme's language when unset
    messages = c.Type(dict, default={})  # the site's own wording, by message name (see messages.py)
    words_per_minute = Checked(int, navigation.check_words_per_minute, default=220)
    video_toc = c.Type(bool, default=True)  # list videos without a heading of their own in the TOC
    videos_index = Checked(str, pages.check_videos_index, default="all-videos.md")  # "" switches the generated page off
    # First-party thumbnails (see README): shown from the cache folder; fetched into it only on request.
    thumbnails = c.Type(bool, default=False)
    thumbnails_fetch = c.Type(bool, default=False)  # needs network; implies `thumbnails`
    thumbnails_cache = c.Type(str, default="thumbnails")  # relative to mkdocs.yml; commit it
    thumbnails_youtube = c.Type(str, default=YOUTUBE_FROM)
    thumbnails_vimeo = c.Type(str, default=VIMEO_FROM)
    previews = c.Type(bool, default=False)  # a preview image per page (needs Pillow: mkdocs-postkit[previews])
    # mkdocs-video's options, so that a site switches by renaming the plugin (see README).
    mark = c.Type(str, default="type:video")
    is_video = c.Type(bool, default=False)
    video_type = c.Type(str, default="mp4")
    video_muted = c.Type(bool, default=False)
    video_loop = c.Type(bool, default=False)
    video_controls = c.Type(bool, default=True)
    video_autoplay = c.Type(bool, default=False)
    css_style = c.Type(dict, default={"position": "relative", "width": "100%", "height": "22.172vw"})
    merge_stylesheets = c.Type(bool, default=False)  # one stylesheet per page instead of the theme's and extra_css


# Plugin option -> the `mkdocs_postkit.video` option it sets.
# `messages` is merged message by message (messages.site_messages), not replaced.
EXTENSION_OPTIONS = {"anchor_prefix": "anchor_prefix", "video_toc": "toc", "mark": "mark"}
EXTENSION_OPTIONS |= {f"video_{name}": name for name in ("muted", "loop", "controls", "autoplay")}
# mkdocs-video's options without an equivalent: what to do when one is set away from its default.
MKDOCS_VIDEO_ADVICE = {
    "is_video": "postkit picks the player from each address (a file such as .mp4 plays in <video>, YouTube and Vimeo in their players); remove it",
    "video_type": "postkit takes each file's type from its name (.mp4, .webm, .ogv, .mov); remove it",
    "css_style": "postkit players fill the column at each video's aspect ratio (the block option 'aspect'); style .postkit-video in your own CSS and remove it",
}


class PostkitPlugin(BasePlugin[PostkitConfig]):
    # Defining on_startup makes MkDocs keep this instance across the rebuilds of `mkdocs serve`.
    build_warnings: notices.WarningLog | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve":  # the preview shows the build's warnings in its pages
            self.build_warnings = notices.WarningLog()
            logging.getLogger("mkdocs").addHandler(self.build_warnings)

    def on_shutdown(self) -> None:
        if self.build_warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.build_warnings)
            self.build_warnings = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.build_warnings is not None:
            self.build_warnings.messages.clear()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        defaults = PostkitConfig()
        defaults.load_dict({})
        defaults.validate()
        self.config.messages = valid_messages(self.config.messages)
        self.video = video = _install_video_extension(config, self._extension_settings(defaults))
        language = site_language(self.config.language, video.getConfig("language"), config.theme)
        video.setConfigs({"language": language, "messages": site_messages(video.getConfig("messages"), self.config.messages)})
        self.messages = self.video.messages  # the position line and the list read what the players read
        for name in MKDOCS_VIDEO_ADVICE:
            if self.config[name] != defaults[name]:
                log.warning(f"the option '{name}' of mkdocs-video has no equivalent in postkit: {MKDOCS_VIDEO_ADVICE[name]} (mkdocs.yml).")
        css, js = ASSETS
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(js)
        self.videos: dict[str, list[navigation.VideoLink]] = {}
        self.rendered: dict[str, Rendered] = {}
        self.parts: dict[str, navigation.Part] | None = None
        self._setup_thumbnails(config)
        missing = previews.pillow_missing() if self.config.previews else None
        if missing is not None:
            raise PluginError(
                f"postkit: the option 'previews' draws each page's preview image with Pillow, which cannot be imported ({missing}); "
                "run pip install mkdocs-postkit[previews], or set previews: false (mkdocs.yml)"
            )
        self.link_previews: dict[str, dict[str, Any]] = {}  # src_uri -> what the template's link preview shows
        return config

    def _setup_thumbnails(self, config: MkDocsConfig) -> None:
        self.cache: thumbnails.ThumbnailCache | None = None
        self.missing: dict[str, list[str]] = {}  # cache key -> pages
        self.failed: dict[str, str] = {}  # cache key -> why fetching failed
        self.first_thumbnail: dict[str, Path] = {}  # src_uri -> its first video's image
        self.added: set[str] = set()
        if not (self.config.thumbnails or self.config.thumbnails_fetch):
            self.video.thumbnail = None
            return
        try:
            youtube = thumbnails.check_address("thumbnails_youtube", self.config.thumbnails_youtube)
            vimeo = thumbnails.check_address("thumbnails_vimeo", self.config.thumbnails_vimeo)
        except ValueError as error:
            raise PluginError(f"postkit: {error} (mkdocs.yml)") from None
        folder = Path(os.path.dirname(config.config_file_path or "mkdocs.yml")) / self.config.thumbnails_cache
        self.cache = thumbnails.ThumbnailCache(folder, youtube, vimeo)
        self.mkdocs_config = config
        self.video.thumbnail = self._thumbnail

    def _extension_settings(self, defaults: PostkitConfig) -> dict[str, Any]:
        """Plugin options set away from their defaults that belong to the Markdown extension
        (where Zensical reads them too); others keep what `markdown_extensions` says."""
        return {
            extension_name: self.config[name] for name, extension_name in EXTENSION_OPTIONS.items() if self.config[name] != defaults[name]
        }

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self.files = files  # thumbnails join them as pages use them
        for path in ASSETS:
            if files.get_file_from_path(path) is None:  # the theme may already ship them
                content = package_files("mkdocs_postkit").joinpath("assets", posixpath.basename(path)).read_text("utf-8")
                files.append(File.generated(config, path, content=content))
        self.index_file = None
        self.list_pages = {file.src_uri for file in files.documentation_pages() if _mentions_marker(file)}
        if self.config.videos_index and not self.list_pages:  # a list the author placed is the only one
            authors = files.get_file_from_path(self.config.videos_index)
            if authors is not None:
                log.warning(
                    f"{authors.src_uri} is a page of yours, so postkit keeps it and does not generate its list of videos there; "
                    f"put <!-- {navigation.VIDEOS_MARKER} --> where the list should go, or set the postkit option videos_index to another path (or '' for none)."
                )
            else:
                self.index_file = File.generated(config, self.config.videos_index, content="", inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(self.index_file)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return nav
        self.nav_pages = {page.file.src_uri: page for page in nav.pages if not page.file.generated_by}  # in nav order
        if self.index_file is not None:
            index = Page(escape(self.messages("videos_title")), self.index_file, config)  # a page title is HTML
            nav.items.append(index)  # in the sidebar after the parts, outside the prev/next walk
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return markdown
        self.video.page = PageContext(page.file.src_uri, functools.partial(_front_matter_lines, page, markdown), _resolver(page, files))
        if page.file is self.index_file:
            # Material writes the description into an attribute as it is: escaped here, it stays text.
            page.meta.setdefault("description", escape(self.messages("videos_intro")))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        self.video.page = None
        src_uri = page.file.src_uri
        self._preview(html, page, config)
        videos = self.video.state.links
        self.videos[src_uri] = videos
        if page.present_anchor_ids is not None:
            # MkDocs does not see ids of players written into raw HTML; links to videos are validated against these.
            page.present_anchor_ids.update(video.anchor for video in videos)
        if page.file is self.index_file:
            html = navigation.videos_page_html(self.messages)
        facts = pages.read_page(html)
        is_part = src_uri in self.nav_pages and facts.holds_content and page.meta.get("postkit_position") is not False
        minutes = navigation.reading_minutes(facts.words, self.config.words_per_minute, videos=len(videos))
        self.rendered[src_uri] = Rendered(minutes, is_part, bool(facts.markers))
        return html

    # After the search plugins (priority 0) have read the page: neither the position line nor the
    # list of videos is a search result. Every page is rendered by now, so parts can be counted.
    @event_priority(-50)
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.config.enabled and page.file.src_uri in self.link_previews:
            context["postkit_preview"] = self.link_previews[page.file.src_uri]
        if self.config.enabled and page.file is self.index_file:
            # Material's <title> is `page.title | striptags`, which turns entities back into markup;
            # a meta title is written as it is, so the escaped title stays text (set after the
            # link preview has read the page's own title).
            page.meta.setdefault("title", escape(self.messages("videos_title")))
        rendered = self.rendered.get(page.file.src_uri) if self.config.enabled else None
        if rendered is None or page.content is None:
            return context
        if self.parts is None:
            parts = [src for src in self.nav_pages if src in self.rendered and self.rendered[src].is_part]
            self.parts = navigation.number_parts(parts) if len(parts) > 1 else {}  # one page is not a series
        if rendered.has_list:
            page.content = pages.replace_markers(page.content, self._videos_list(page), pages.read_page(page.content))
        part = self.parts.get(page.file.src_uri)
        if part is not None:
            page.content = pages.with_position(page.content, part, rendered.minutes, self.messages)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self._report_unfilled()
        if self.build_warnings is not None:  # last, so that it shows the warnings above too
            if self.config.enabled:  # now, not page by page: MkDocs checks anchors once every page is written
                notices.add_to_site(config.site_dir, self.build_warnings.messages)
            self.build_warnings.messages.clear()  # the next build starts afresh

    def _report_unfilled(self) -> None:
        """What the build could not do for the author: a list marker inside code, thumbnails missing."""
        if self.list_pages and not any(self.rendered[src].has_list for src in self.list_pages if src in self.rendered):
            log.warning(
                f"{', '.join(sorted(self.list_pages))} mention <!-- {navigation.VIDEOS_MARKER} --> but show no list of videos "
                "(inside code, the marker is text); write it on a line of its own, outside code."
            )
        if self.missing and self.cache is not None:
            report = thumbnails.missing_report(self.missing, self.failed, self.config.thumbnails_cache, self.config.thumbnails_fetch)
            # Only a fetch that was asked for and failed is a warning; a cache not filled yet is not a fault of the build.
            (log.warning if self.failed else log.info)(report)

    def _thumbnail(self, video: Video) -> tuple[str, int, int] | None:
        """The extension's hook: a cached (or, when asked, fetched) thumbnail for `video`."""
        key = thumbnails.key_of(video)
        if key is None or self.cache is None:
            return None
        found = self.cache.get(key)
        if found is None and self.config.thumbnails_fetch and key not in self.failed:
            try:
                found = self.cache.fetch(video)
            except thumbnails.ThumbnailError as error:
                self.failed[key] = str(error)
        where = self.video.page.src_path if self.video.page else ""
        if found is None:
            self.missing.setdefault(key, []).append(where)
            return None
        # A cache inside docs/ or the theme folder is in the site as it is (Zensical serves it there too).
        config = self.mkdocs_config
        src_uri = thumbnails.served_path(found.path, (config.docs_dir, config.theme.custom_dir)) or THUMBNAILS + found.name
        if src_uri not in self.added:
            self.added.add(src_uri)
            if self.files.get_file_from_path(src_uri) is None:  # fetched in this build, or outside those folders
                self.files.append(File.generated(config, src_uri, abs_src_path=str(found.path)))
        self.first_thumbnail.setdefault(where, found.path)
        return src_uri, found.width, found.height

    def _preview(self, html: str, page: Page, config: MkDocsConfig) -> None:
        """The page's own title for its link preview, and its preview image when asked."""
        title = previews.own_title(html, page.meta.get("title")) or page.title or config.site_name
        preview: dict[str, Any] = {"title": title}
        if self.config.previews:
            thumbnail = self.first_thumbnail.get(page.file.src_uri)
            stamp = thumbnail.stat().st_mtime_ns if thumbnail else 0
            content = _preview_image(title, config.site_name, config.site_author or "", thumbnail, stamp)
            image = File.generated(config, PREVIEWS + previews.image_name(page.file.dest_uri), content=content)
            self.files.append(image)
            if config.site_url:  # social sites read only absolute addresses
                preview |= {"image": urljoin(config.site_url, image.url), "width": previews.WIDTH, "height": previews.HEIGHT}
                preview["type"] = "image/png"
        self.link_previews[page.file.src_uri] = preview

    def _videos_list(self, index: Page) -> str:
        entries = []
        for src_uri, part_page in self.nav_pages.items():
            part = self.parts.get(src_uri) if self.parts else None
            label = self.messages("part", number=part.number, total=part.total) if part and self.messages.template("part") else ""
            url = part_page.file.url_relative_to(index.file)
            for video in self.videos.get(src_uri, []):
                entries.append((url, part_page.title or "", label, video))
        return navigation.videos_index_html(entries, self.messages)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return self._merge_stylesheets(output, page.file.dest_uri, config)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
        return self._merge_stylesheets(output_content, template_name, config) if template_name.endswith(".html") else output_content

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.site_dir = config.site_dir
        self.site_files: dict[str, str | None] = {}  # path in the site -> text, read once per build

    def _read_site_file(self, path: str) -> str | None:
        if path not in self.site_files:
            try:
                with open(os.path.join(self.site_dir, *path.split("/")), encoding="utf-8") as file:
                    self.site_files[path] = file.read()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError, UnicodeDecodeError):
                self.site_files[path] = None
        return self.site_files[path]

    def _merge_stylesheets(self, html: str, path: str, config: MkDocsConfig) -> str:
        if not (self.config.enabled and self.config.merge_stylesheets):
            return html
        root = urlsplit(config.site_url or "/").path
        html, merged = stylesheets.merge_links(html, path, self._read_site_file, root)
        if merged is not None and merged[0] not in self.site_files:
            name, css = merged
            self.site_files[name] = css  # written once per build
            target = os.path.join(config.site_dir, *name.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as file:
                file.write(css)
        return html


@dataclass(frozen=True)
class Rendered:
    """What the plugin keeps of a rendered page until every page is rendered."""

    minutes: int
    is_part: bool  # a page of the nav with content of its own, not switched off in its front matter
    has_list: bool  # the page holds the marker where the list of videos goes


@functools.lru_cache(maxsize=1024)
def _preview_image(title: str, site_name: str, byline: str, thumbnail: Path | None, stamp: int) -> bytes:
    """Drawn once per process for the same inputs (`stamp`: the thumbnail's mtime), so `mkdocs serve` rebuilds skip it."""
    return previews.render(title, site_name, byline, thumbnail)


def _install_video_extension(config: MkDocsConfig, settings: dict[str, Any]) -> VideoExtension:
    """One `VideoExtension` instance for all pages, so the plugin can tell it which page it is on.

    `mkdocs.yml` may name `mkdocs_postkit.video` itself (Zensical needs that); the
    name is replaced by an instance with the same settings, and the plugin's.
    """
    extensions = config.markdown_extensions
    for extension in extensions:
        if isinstance(extension, VideoExtension):
            extension.setConfigs(settings)
            return extension
    instance = VideoExtension(**(config.mdx_configs.pop("mkdocs_postkit.video", {}) | settings))
    if "mkdocs_postkit.video" in extensions:
        extensions[extensions.index("mkdocs_postkit.video")] = instance
    else:
        extensions.append(instance)
    return instance


def valid_messages(overrides: dict[str, Any]) -> dict[str, str]:
    """The site's messages that can be used; each other one is a warning, and the shipped wording stays."""
    valid = {}
    for key, template in overrides.items():
        try:
            Messages("en", {key: template})
        except MessageError as error:
            log.warning(f"{error} (mkdocs.yml, plugins: postkit: messages: {key}); postkit uses its own wording until it is fixed.")
            continue
        valid[key] = template
    return valid


def _mentions_marker(file: File) -> bool:
    """Whether a page's source has the list marker in it (confirmed in the rendered page)."""
    try:
        return f"<!-- {navigation.VIDEOS_MARKER} -->" in file.content_string
    except (OSError, UnicodeDecodeError):
        return False  # MkDocs reports the file itself


def _front_matter_lines(page: Page, markdown: str) -> int:
    """Lines MkDocs removed above the Markdown, so warnings give the line in the file."""
    return pages.lines_above(page.file.content_string if not page.file.generated_by else markdown, markdown)


def _resolver(page: Page, files: Files) -> Any:
    """Map a path written in a page to the URL to use from that page, or None if missing."""

    def resolve(path: str) -> str | None:
        target, rest = pages.docs_path(page.file.src_uri, path)
        file = files.get_file_from_path(target)
        return None if file is None else file.url_relative_to(page.file) + rest

    return resolve
