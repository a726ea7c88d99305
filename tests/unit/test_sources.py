"""URL forms, times and options of `mkdocs_postkit.video.sources`: the pure validation layer."""

import pytest

from mkdocs_postkit.video.sources import PLAYER_HOSTS, VideoError, parse_aspect, parse_time, parse_video

ID = "v-zudK5KnWY"


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={ID}",
        f"https://youtube.com/watch?v={ID}&feature=share",
        f"https://m.youtube.com/watch?v={ID}",
        f"https://youtu.be/{ID}",
        f"https://youtu.be/{ID}?si=f7BZyGd_1_S7zS3F",
        f"https://www.youtube.com/embed/{ID}?si=f7BZyGd_1_S7zS3F",
        f"https://www.youtube-nocookie.com/embed/{ID}",
        f"https://youtube-nocookie.com/embed/{ID}",
        f"https://www.youtube.com/live/{ID}",
        f"HTTPS://WWW.YOUTUBE.COM/embed/{ID}",
    ],
)
def test_every_youtube_form_becomes_the_same_nocookie_player(url):
    video = parse_video(url)
    assert (video.provider, video.id) == ("youtube", ID)
    assert video.embed_url == f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1&playsinline=1"
    assert video.watch_url == f"https://www.youtube.com/watch?v={ID}"
    assert video.aspect == (16, 9)


def test_tracking_parameters_are_dropped():
    video = parse_video(f"https://youtu.be/{ID}?si=TRACKING&utm_source=x&feature=shared")
    assert "TRACKING" not in video.embed_url + video.watch_url
    assert "utm" not in video.embed_url + video.watch_url


def test_shorts_are_portrait():
    video = parse_video(f"https://www.youtube.com/shorts/{ID}")
    assert video.aspect == (9, 16)
    assert video.embed_url.startswith(f"https://www.youtube-nocookie.com/embed/{ID}")


@pytest.mark.parametrize(
    ("url", "start", "end"),
    [
        (f"https://youtu.be/{ID}?t=90", 90, 0),
        (f"https://youtu.be/{ID}?t=1m30s", 90, 0),
        (f"https://www.youtube.com/watch?v={ID}&t=1h2m3s", 3723, 0),
        (f"https://www.youtube.com/embed/{ID}?start=5&end=65", 5, 65),
    ],
)
def test_times_in_the_url(url, start, end):
    video = parse_video(url)
    assert (video.start, video.end) == (start, end)
    assert f"start={start}" in video.embed_url
    assert (f"end={end}" in video.embed_url) == bool(end)
    assert video.watch_url.endswith(f"&t={start}s")


@pytest.mark.parametrize(
    ("value", "seconds"), [(0, 0), (90, 90), ("90", 90), ("90s", 90), ("2m", 120), ("1m30s", 90), ("1h", 3600), ("1H2M3S", 3723)]
)
def test_parse_time(value, seconds):
    assert parse_time(value) == seconds


@pytest.mark.parametrize("value", [-1, "-5", "1.5", "ten", "1m-30s", "", True, "1d"])
def test_parse_time_rejects(value):
    with pytest.raises(VideoError, match="'start'"):
        parse_time(value)


@pytest.mark.parametrize(
    ("value", "pair"), [("16:9", (16, 9)), ("9/16", (9, 16)), ("4x3", (4, 3)), ("2.39:1", (2.39, 1)), ("10:1", (10, 1)), ("1:10", (1, 10))]
)
def test_parse_aspect(value, pair):
    assert parse_aspect(value) == pair


@pytest.mark.parametrize(
    "value", ["0:9", "wide", "16:", "-16:9", "16:9; color: red", "11:1", "1:11", 99 * 3600 + 60 + 1, 10**20 * 60 + 1]
)  # the last two: YAML 1.1 reading 99:1:1 and 99999999999999999999:1 as base-60 numbers
def test_parse_aspect_rejects(value):
    with pytest.raises(VideoError, match="'aspect'"):
        parse_aspect(value)


def test_vimeo_player_does_not_track():
    video = parse_video("https://vimeo.com/76979871")
    assert video.embed_url == "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"
    assert video.watch_url == "https://vimeo.com/76979871"
    assert parse_video("https://player.vimeo.com/video/76979871").id == "76979871"


def test_vimeo_unlisted_link_keeps_its_token():
    video = parse_video("https://vimeo.com/76979871/abcdef1234")
    assert video.embed_url == "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abcdef1234"


def test_local_file():
    video = parse_video("media/clip.mp4", poster="media/clip.jpg", start="5")
    assert (video.provider, video.id, video.poster, video.start) == ("file", "media/clip.mp4", "media/clip.jpg", 5)


def test_options_override_the_url():
    video = parse_video(f"https://youtu.be/{ID}?t=10", title="  Key   lessons ", start="1m", end=120, aspect="4:3")
    assert (video.title, video.start, video.end, video.aspect) == ("Key lessons", 60, 120, (4, 3))


def test_every_player_is_on_an_allowed_host():
    for url in (f"https://youtu.be/{ID}", "https://vimeo.com/1"):
        assert parse_video(url).embed_url.split("/")[2] in PLAYER_HOSTS


@pytest.mark.parametrize(
    ("url", "options", "message"),
    [
        ("", {}, "has no address"),
        ("javascript:alert(1)", {}, "'javascript:' addresses cannot be embedded"),
        ("data:text/html,<script>", {}, "contains a character that is not allowed"),
        ("data:text/html;base64,PHNjcmlwdD4=", {}, "'data:' addresses cannot be embedded"),
        (f"http://www.youtube.com/embed/{ID}", {}, "is not https"),
        (f"//www.youtube.com/embed/{ID}", {}, "has no scheme"),
        (f"https://youtub.com/watch?v={ID}", {}, "'youtub.com' is not a video host"),
        (f"https://www.youtube.com.evil.example/embed/{ID}", {}, "is not a video host"),
        (f"https://user:pw@www.youtube.com/embed/{ID}", {}, "must not carry a user name"),
        ("https://www.youtube.com/watch?v=short", {}, "is not a YouTube video id"),
        ("https://youtu.be/", {}, "is not a YouTube video id"),
        ("https://www.youtube.com/channel/UC123", {}, "is not a link to a YouTube video or playlist"),
        ("https://vimeo.com/channels/staffpicks", {}, "is not a link to one Vimeo video"),
        ("media/clip.txt", {}, "is neither a video address nor a video file"),
        (f"https://youtu.be/{ID}", {"colour": "red"}, "unknown option 'colour'"),
        (f"https://youtu.be/{ID}", {"start": 90, "end": 30}, "'end' (30s) must come after 'start' (90s)"),
        (f"https://youtu.be/{ID}", {"start": "-5"}, "cannot be negative"),
        (f"https://youtu.be/{ID}", {"poster": "javascript:alert(1)"}, "'poster' must be the path of an image"),
        (f"https://youtu.be/{ID}", {"poster": "http://example.com/a.jpg"}, "'poster' must be the path of an image"),
        (f"https://youtu.be/{ID}", {"poster": "notes.txt"}, "is not an image"),
        ("https://vimeo.com/1", {"end": 30}, "Vimeo players do not support 'end'"),
    ],
)
def test_author_mistakes_say_what_to_do(url, options, message):
    with pytest.raises(VideoError, match=None) as error:
        parse_video(url, **options)
    assert message in str(error.value)


def test_every_faulty_option_is_said_at_once():
    with pytest.raises(VideoError) as error:
        parse_video(f"https://youtu.be/{ID}", start="banana", aspect="wide", colour="red", title=["a", "b"])
    said = str(error.value).split("; ")
    assert said[0].startswith("unknown option 'colour'")
    assert [any(part.startswith(f"'{name}'") for part in said) for name in ("title", "start", "aspect")] == [True] * 3, said


def test_huge_input_is_shortened_in_the_message():
    with pytest.raises(VideoError) as error:
        parse_video("https://example.com/" + "a" * 100_000)
    assert len(str(error.value)) < 400


def test_yaml_base_60_aspect_is_read_back():
    # An unquoted `aspect: 16:9` in a block's options reaches us as 969.
    assert parse_aspect(16 * 60 + 9) == (16, 9)
    assert parse_aspect(9 * 60 + 16) == (9, 16)
