"""Stable, unique anchors from titles. Pure functions shared by embeds and navigation."""

from __future__ import annotations

import re
import unicodedata

# What an anchor prefix may hold: valid in an id and in a URL fragment as it is, with no escaping.
PREFIX = re.compile(r"[A-Za-z0-9._-]+")


def check_prefix(prefix: str) -> str:
    """The `anchor_prefix` option; raises ValueError. Empty, it would let a video take a heading's id."""
    if not PREFIX.fullmatch(prefix):
        raise ValueError(
            f"must be one or more ASCII letters, digits, '-', '_' or '.' (it starts every video's id, "
            f"which then cannot meet a heading's), such as 'video-'; not {prefix[:40]!r}"
        )
    return prefix


def slugify(text: str) -> str:
    """`Why We're Building Foundation Models` -> `why-were-building-foundation-models`.

    The same rule as Python-Markdown's `toc` default, so a video under a heading
    of the same title gets the heading's slug with a prefix.
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def unique(slug: str, taken: set[str], counters: dict[str, int] | None = None) -> str:
    """`slug`, or `slug_1`, `slug_2`… as the `toc` extension does; records the result in `taken`.

    `counters` (kept across calls) remembers the last number used for each slug, so that
    a thousand videos of one title cost a thousand steps, not half a million.
    """
    if slug not in taken:
        taken.add(slug)
        return slug
    counters = {} if counters is None else counters
    n = counters.get(slug, 0) + 1
    while f"{slug}_{n}" in taken:
        n += 1
    counters[slug] = n
    taken.add(f"{slug}_{n}")
    return f"{slug}_{n}"
