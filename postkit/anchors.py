"""Stable, unique anchors from titles. Pure functions shared by embeds and navigation."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """`Why We're Building Foundation Models` -> `why-were-building-foundation-models`.

    The same rule as Python-Markdown's `toc` default, so a video under a heading
    of the same title gets the heading's slug with a prefix.
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug_1`, `slug_2`… as the `toc` extension does; records the result in `taken`."""
    candidate, n = slug, 0
    while candidate in taken:
        n += 1
        candidate = f"{slug}_{n}"
    taken.add(candidate)
    return candidate
