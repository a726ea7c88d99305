"""The extension's options: set late (as both engines do), merged with the plugin's, or wrong."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_postkit.messages import site_language, site_messages
from mkdocs_postkit.video import VideoExtension

VIDEO = '![type:video](https://youtu.be/v-zudK5KnWY "Eins")\n'


def test_options_set_after_the_extension_is_built_change_its_words():
    """Zensical builds the extension from markdown_extensions, then sets the site's language and messages."""
    extension = VideoExtension()
    md = markdown.Markdown(extensions=[extension])
    extension.setConfigs({"language": "de", "messages": {"watch": "Bei {host}"}})
    html = md.convert(VIDEO)
    assert 'data-label="Video abspielen: Eins"' in html and "Bei YouTube" in html


def test_each_message_is_the_plugins_else_the_extensions():
    assert site_messages({"play": "Los: {title}", "part": "Kapitel {number}"}, {"play": "Spiel: {title}"}) == {
        "play": "Spiel: {title}",
        "part": "Kapitel {number}",
    }


@pytest.mark.parametrize(
    ("plugin", "extension", "theme", "expected"),
    [
        ("ja", "fr", {"language": "de"}, "ja"),
        (None, "fr", {"language": "de"}, "fr"),
        (None, "", {"language": "de"}, "de"),
        (None, "", {"locale": "pt_BR"}, "pt_BR"),
        (None, "", {}, "en"),
    ],
)
def test_the_language_is_the_plugins_else_the_extensions_else_the_themes(plugin, extension, theme, expected):
    assert site_language(plugin, extension, theme) == expected


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"messages": "x"}, "mkdocs_postkit.video: the option 'messages' must be a mapping of message names to their wording, not 'x'"),
        ({"messages": {"nope": "x"}}, "mkdocs_postkit.video: the option 'messages': there is no message 'nope'"),
        ({"frames": "drop"}, "mkdocs_postkit.video: the option 'frames' must be keep or link, not 'drop'"),
        ({"toc": "maybe"}, "mkdocs_postkit.video: the option 'toc' must be true or false"),
        ({"language": 3}, "mkdocs_postkit.video: the option 'language' must be a language code such as de or pt-BR, not 3"),
        ({"anchor_prefix": ""}, "mkdocs_postkit.video: the option 'anchor_prefix' must be one or more ASCII letters"),
        ({"anchor_prefix": "a b<"}, "mkdocs_postkit.video: the option 'anchor_prefix' must be one or more ASCII letters"),
    ],
)
def test_a_wrong_option_is_one_clear_line(options, said):
    with pytest.raises(ValueError, match=r"^[^\n]*$") as raised:
        VideoExtension(**options)
    assert str(raised.value).startswith(said)


def test_an_unknown_option_is_named_with_the_options_there_are():
    with pytest.raises(KeyError) as raised:
        VideoExtension(bogus=1)
    assert raised.value.args[0].startswith("mkdocs_postkit.video has no option 'bogus'; its options are: anchor_prefix, frames")
