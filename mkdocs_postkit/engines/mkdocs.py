"""The `postkit` MkDocs plugin: wiring only. The work is in `video` and `navigation`."""

from __future__ import annotations

import functools
import logging
import os
import posixpath
from importlib.resources import files as package_files
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import navigation, notices, stylesheets
from ..video import VideoExtension
from ..video.extension import PageContext

log = get_plugin_logger(__name__)
ASSETS = ("assets/postkit/postkit.css", "assets/postkit/postkit.js")


class PostkitConfig(base.Config):
    enabled = c.Type(bool, default=True)
    anchor_prefix = c.Type(str, default="video-")
    part_label = c.Type(str, default="Part {number} of {total}")  # "" switches it off
    reading_time = c.Type(str, default="{minutes} min read")  # "" switches it off
    words_per_minute = c.Type(int, default=220)
    video_toc = c.Type(bool, default=True)  # list videos without a heading of their own in the TOC
    videos_index = c.Type(str, default="all-videos.md")  # "" switches the generated page off
    videos_index_title = c.Type(str, default="All videos")
    videos_index_intro = c.Type(str, default="Every video of this site, in reading order. Each link opens the part where the video plays.")
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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build_warnings is not None:
            if self.config.enabled:  # now, not page by page: MkDocs checks anchors once every page is written
                notices.add_to_site(config.site_dir, self.build_warnings.messages)
            self.build_warnings.messages.clear()  # the next build starts afresh

    def on_build_error(self, *, error: Exception) -> None:
        if self.build_warnings is not None:
            self.build_warnings.messages.clear()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        defaults = PostkitConfig()
        defaults.load_dict({})
        defaults.validate()
        self.video = _install_video_extension(config, self._extension_settings(defaults))
        for name in MKDOCS_VIDEO_ADVICE:
            if self.config[name] != defaults[name]:
                log.warning(f"the option '{name}' of mkdocs-video has no equivalent in postkit: {MKDOCS_VIDEO_ADVICE[name]} (mkdocs.yml).")
        css, js = ASSETS
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(js)
        self.videos: dict[str, list[navigation.VideoLink]] = {}
        return config

    def _extension_settings(self, defaults: PostkitConfig) -> dict[str, Any]:
        """Plugin options set away from their defaults that belong to the Markdown extension
        (where Zensical reads them too); others keep what `markdown_extensions` says."""
        return {
            extension_name: self.config[name] for name, extension_name in EXTENSION_OPTIONS.items() if self.config[name] != defaults[name]
        }

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        for path in ASSETS:
            if files.get_file_from_path(path) is None:  # the theme may already ship them
                content = package_files("mkdocs_postkit").joinpath("assets", posixpath.basename(path)).read_text("utf-8")
                files.append(File.generated(config, path, content=content))
        self.index_file = None
        if self.config.videos_index:
            self.index_file = File.generated(config, self.config.videos_index, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(self.index_file)  # last, so it renders after the pages it lists
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return nav
        self.parts = navigation.number_parts([page.file.src_uri for page in nav.pages])
        self.part_pages = {page.file.src_uri: page for page in nav.pages}  # titles are known once read
        if self.index_file is not None:
            index = Page(self.config.videos_index_title, self.index_file, config)
            nav.items.append(index)  # in the sidebar after the parts, outside the prev/next walk
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return markdown
        self.video.page = PageContext(page.file.src_uri, functools.partial(_front_matter_lines, page, markdown), _resolver(page, files))
        if page.file is self.index_file:
            page.meta.setdefault("description", self.config.videos_index_intro)
            return navigation.videos_index_markdown(self.config.videos_index_title, self.config.videos_index_intro)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        self.video.page = None
        src_uri = page.file.src_uri
        videos = self.video.state.links
        self.videos[src_uri] = videos
        if page.present_anchor_ids is not None:
            # MkDocs does not see ids of players written into raw HTML; links to videos are validated against these.
            page.present_anchor_ids.update(video.anchor for video in videos)
        if page.file is self.index_file:
            return html + self._videos_index(page)
        part = self.parts.get(src_uri)
        minutes = None
        if part and self.config.reading_time:
            minutes = navigation.reading_minutes(html, self.config.words_per_minute, videos=len(videos))
        position = navigation.position_html(part, minutes, self.config.part_label, self.config.reading_time)
        return navigation.insert_after_title(html, position)

    def _videos_index(self, index: Page) -> str:
        entries = []
        for src_uri, part in self.parts.items():
            label = self.config.part_label.format(number=part.number, total=part.total) if self.config.part_label else ""
            part_page = self.part_pages[src_uri]
            url = part_page.file.url_relative_to(index.file)
            for video in self.videos.get(src_uri, []):
                entries.append((url, part_page.title or "", label, video))
        return navigation.videos_index_html(entries)

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


def _front_matter_lines(page: Page, markdown: str) -> int:
    """Lines MkDocs removed above the Markdown, so warnings give the line in the file."""
    source = page.file.content_string if not page.file.generated_by else markdown
    start = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0


def _resolver(page: Page, files: Files) -> Any:
    """Map a path written in a page to the URL to use from that page, or None if missing."""

    def resolve(path: str) -> str | None:
        clean = path.split("#")[0].split("?")[0]
        target = (
            clean.lstrip("/") if clean.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), clean))
        )
        file = files.get_file_from_path(target)
        return None if file is None else file.url_relative_to(page.file) + path[len(clean) :]

    return resolve
