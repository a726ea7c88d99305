"""Which anchor reaches each video, and where its TOC entry goes: Markdown in, `state.links` and `toc_tokens` out."""

from __future__ import annotations

import markdown

from mkdocs_postkit.navigation import VideoLink
from mkdocs_postkit.video import VideoExtension

KEY, OTHER = "https://youtu.be/v-zudK5KnWY", "https://youtu.be/SBV5VTQrlDs"


def links_and_toc(text: str, toc_depth: int | str = 6, **config) -> tuple[list[VideoLink], list[tuple[int, str, str]]]:
    extension = VideoExtension(**config)
    md = markdown.Markdown(extensions=["toc", "attr_list", extension], extension_configs={"toc": {"toc_depth": toc_depth}})
    md.convert(text)

    def flat(tokens, out):
        for token in tokens:
            out.append((token["level"], token["id"], token["name"]))
            flat(token["children"], out)
        return out

    return extension.state.links, flat(md.toc_tokens, [])


def test_a_video_under_its_own_heading_is_reached_through_the_heading():
    links, toc = links_and_toc(f'## Key Lessons\n\n![type:video]({KEY})\n\n## Other\n\ntext\n\n![type:video]({OTHER} "Why & how")\n')
    assert links == [
        VideoLink("Key Lessons", "key-lessons", in_toc=True, section="key-lessons"),
        VideoLink("Why & how", "video-why-how", in_toc=False, section="other"),
    ]
    assert toc == [(2, "key-lessons", "Key Lessons"), (2, "other", "Other"), (3, "video-why-how", "Why &amp; how")]


def test_a_heading_with_another_title_does_not_stand_for_the_video():
    links, _ = links_and_toc(f'## Talks\n\n![type:video]({KEY} "Keynote")\n')
    assert links == [VideoLink("Keynote", "video-keynote", in_toc=False, section="talks")]
    links, toc = links_and_toc(f'![type:video]({KEY} "Alone")\n\n# Later\n')
    assert links == [VideoLink("Alone", "video-alone", in_toc=False, section="")]
    assert toc == [(2, "video-alone", "Alone"), (1, "later", "Later")], "before the heading it precedes"


def test_only_the_video_right_under_a_heading_is_reached_through_it():
    links, toc = links_and_toc(f"## Demo\n\n![type:video]({KEY})\n\n![type:video]({OTHER})\n\n### More\n\ntext\n\n![type:video]({KEY})\n")
    assert links == [
        VideoLink("Demo", "demo", in_toc=True, section="demo"),
        VideoLink("Demo", "video-demo_1", in_toc=False, section="demo"),  # the first figure took video-demo
        VideoLink("More", "video-more", in_toc=False, section="more"),  # text stands between
    ]
    assert toc == [(2, "demo", "Demo"), (3, "video-demo_1", "Demo"), (3, "more", "More"), (4, "video-more", "More")]


def test_toc_entries_come_before_the_subsections_that_follow_the_video():
    _, toc = links_and_toc(f'## A\n\n![type:video]({KEY} "One")\n\n### A.1\n\n![type:video]({OTHER} "Two")\n')
    assert toc == [(2, "a", "A"), (3, "video-one", "One"), (3, "a1", "A.1"), (4, "video-two", "Two")]


def test_under_a_heading_the_toc_leaves_out_the_entry_goes_under_the_nearest_section_it_shows():
    page = f'# Page\n\n## Section\n\n### Deep\n\n![type:video]({KEY} "Under deep")\n\n## Later\n'
    _, toc = links_and_toc(page, toc_depth=2)
    assert toc == [(1, "page", "Page"), (2, "section", "Section"), (3, "video-under-deep", "Under deep"), (2, "later", "Later")]
    page = f'# Page\n\n## Sec\n\n### A\n\n![type:video]({KEY} "One")\n\n## B\n\n![type:video]({OTHER} "Two")\n\n### C\n'
    _, toc = links_and_toc(page, toc_depth="3-4")  # B is left out, and no section it is in is shown: top level, in page order
    assert toc == [(3, "a", "A"), (4, "video-one", "One"), (2, "video-two", "Two"), (3, "c", "C")]


def test_toc_entries_can_be_switched_off():
    links, toc = links_and_toc(f'## A\n\n![type:video]({KEY} "One")\n', toc=False)
    assert toc == [(2, "a", "A")] and links[0].anchor == "video-one"


def test_a_title_in_the_toc_is_text():
    _, toc = links_and_toc(f'## A\n\n![type:video]({KEY} "<img src=x onerror=alert(1)>")\n')
    assert toc[1][2] == "&lt;img src=x onerror=alert(1)&gt;"


def test_a_title_from_a_heading_is_what_the_reader_sees():
    links, _ = links_and_toc(f"## The *big* `idea` {{#custom}}\n\n![type:video]({KEY})\n")
    assert links == [VideoLink("The big idea", "custom", in_toc=True, section="custom")]


def test_ten_thousand_videos_of_one_title_get_distinct_anchors():
    links, _ = links_and_toc("".join(f'![type:video]({KEY} "Same")\n\n' for _ in range(2000)))
    anchors = [link.anchor for link in links]
    assert len(set(anchors)) == 2000 and anchors[:3] == ["video-same", "video-same_1", "video-same_2"]


def test_a_block_right_under_its_heading_is_reached_through_it_too():
    links, toc = links_and_toc("## Demo\n\n/// video | https://youtu.be/v-zudK5KnWY\n///\n")
    assert links == [VideoLink("Demo", "demo", in_toc=True, section="demo")] and toc == [(2, "demo", "Demo")]
