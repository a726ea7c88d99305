"""A site's own wording: only plain `{name}` fields, so that no message can fail or bloat a page when it is filled."""

from __future__ import annotations

import pytest

from mkdocs_postkit.messages import MessageError, Messages


@pytest.mark.parametrize(
    ("key", "template"),
    [
        ("play", "{title:d}"),  # a format spec fails when filled ("Unknown format code")
        ("part", "{number:s}"),
        ("part", "{number:>100000}"),  # would pad every page with 100 KB of spaces
        ("part", "{number:>99999999999999999999}"),
        ("reading_time", "{minutes!z}"),  # a conversion
        ("reading_time", "{minutes!r}"),
        ("watch", "{host.upper}"),  # attribute access
        ("play", "{title[0]}"),  # index access
        ("play", "{}"),  # a positional field
    ],
)
def test_a_message_may_use_only_plain_fields(key, template):
    with pytest.raises(MessageError, match=r"plain \{name\} fields"):
        Messages("en", {key: template})


def test_plain_fields_and_literal_braces_are_filled():
    messages = Messages("en", {"part": "{{{number}}} / {total}", "play": "{title}!"})
    assert messages("part", number=2, total=5) == "{2} / 5"
    assert messages("play", title="{x:d}") == "{x:d}!"  # a value is inserted as it is, never read as a field
