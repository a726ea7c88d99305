"""Private, accessible click-to-play video embeds, as a Python-Markdown extension.

Use it as `markdown_extensions: [mkdocs_postkit.video]` (Zensical) or through the
`postkit` MkDocs plugin, which also adds the page path to warnings.
"""

from ..navigation import VideoLink
from .extension import VideoExtension, makeExtension

__all__ = ["VideoExtension", "VideoLink", "makeExtension"]
