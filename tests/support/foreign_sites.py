"""Sites that are not this repository's, built by postkit installed from a wheel, as a user gets it.

The wheel is built once per session from a copy of the sources (pyproject.toml,
README.md, postkit/), installed with `pip install --no-deps --target` into a
folder of its own, and every build runs `python -m mkdocs build --strict` in a
subprocess with `PYTHONPATH` set to that folder only. The venv's editable install
is still on `sys.path` after it, so the fixture proves which copy wins:

- `PYTHONPATH` entries come before site-packages, and the editable install's
  finder is appended to `sys.meta_path` after the path finder, so `import postkit`
  finds the wheel's copy first;
- `importlib.metadata.entry_points()` (what MkDocs uses to find plugins) keeps the
  first distribution of a name on `sys.path`, so the `postkit` entry point is the
  wheel's dist-info;
- a `sitecustomize` probe, on the same `PYTHONPATH`, records at exit of each real
  build every `postkit*` module that the build imported and where from.

The wheel is built from the work tree, or from a git ref named by
`POSTKIT_WHEEL_REF` (`POSTKIT_WHEEL_REF=HEAD` tests the committed code while the
work tree is half-way through an edit); `git archive` reads it without changing anything.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from support.server import free_port

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable  # the venv's python when the tests run from it (.venv/bin/python -m pytest, scripts/test.sh)
VIDEO_IDS = ("v-zudK5KnWY", "SBV5VTQrlDs", "4zGIRsnrTk8", "eIj_DNemEyg")
NOCOOKIE = "https://www.youtube-nocookie.com/embed/"
SOURCES = ("pyproject.toml", "README.md", "mkdocs_postkit")  # what the wheel is built from
BUILD_TIMEOUT = 30.0  # a small site builds in 2-5 s, all of them at once in about 10 s on 2 cores

# Imported at start-up by every Python that has the probe folder on its path; writes what it imported at exit.
PROBE = """\
import atexit, json, os, sys


def _postkit_probe():
    target = os.environ.get("POSTKIT_PROBE")
    if not target:
        return
    from importlib.metadata import entry_points

    modules = {name: getattr(module, "__file__", None) for name, module in list(sys.modules.items()) if name.split(".")[0] == "mkdocs_postkit"}
    points = [[e.value, str(e.dist.locate_file(""))] for e in entry_points(group="mkdocs.plugins") if e.name == "postkit"]
    with open(target, "w", encoding="utf-8") as out:
        json.dump({"modules": modules, "entry_points": points}, out)


atexit.register(_postkit_probe)
"""

# What MkDocs does to find and load the plugin, run with the builds' PYTHONPATH.
WHICH_POSTKIT = """\
import importlib.metadata as m, inspect, json
import mkdocs_postkit
from mkdocs.plugins import get_plugins
points = [e for e in m.entry_points(group="mkdocs.plugins") if e.name == "postkit"]
plugin = get_plugins()["postkit"].load()
print(json.dumps({
    "postkit": mkdocs_postkit.__file__,
    "entry_points": [[e.value, str(e.dist.locate_file(""))] for e in points],
    "plugin_class_file": inspect.getfile(plugin),
    "version": m.version("mkdocs-postkit"),
}))
"""


@dataclass
class WheelInstall:
    wheel: Path
    target: Path  # the --target folder: what PYTHONPATH names
    probe: Path  # the folder of the sitecustomize probe
    how: str  # the pip command that built the wheel
    ref: str  # the sources: "work tree", or the git ref named by POSTKIT_WHEEL_REF
    seen: dict  # WHICH_POSTKIT's answer with the builds' environment
    seen_without: dict  # and without PYTHONPATH: the editable copy, so the check can tell them apart

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": f"{self.target}{os.pathsep}{self.probe}", "NO_MKDOCS_2_WARNING": "1", **extra}


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def install_wheel(tmp: Path) -> WheelInstall:
    """Build the wheel from a copy of the sources and install it with --target; check which postkit Python then imports."""
    source = tmp / "source"
    source.mkdir(parents=True)
    ref = os.environ.get("POSTKIT_WHEEL_REF")
    if ref:  # e.g. HEAD: the committed sources, while the work tree is being edited (`git archive` changes nothing)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, *SOURCES], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(source, filter="data")
    else:
        # A copy, so that neither build/ nor *.egg-info is written into the work tree, and the wheel is the sources of now.
        for name in SOURCES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(ROOT / name, source / name)
    dist = tmp / "dist"
    pip_wheel = [PYTHON, "-m", "pip", "wheel", "--no-deps", "-w", str(dist), str(source)]
    # Without build isolation it needs no index at all, but the venv's setuptools may be too old for
    # pyproject.toml (65.5 rejects PEP 639's `license = "MIT"`); then pip builds in isolation with
    # setuptools from its configured indexes.
    attempts = [[*pip_wheel[:4], "--no-build-isolation", *pip_wheel[4:]], pip_wheel]
    failures = []
    for command in attempts:
        done = _run(command, tmp)
        if done.returncode == 0:
            break
        failures.append(f"$ {' '.join(command)}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    else:
        raise AssertionError("the wheel could not be built:\n" + "\n".join(failures))
    wheels = sorted(dist.glob("mkdocs_postkit-*.whl"))
    assert len(wheels) == 1, wheels
    target = tmp / "wheel-site"
    done = _run([PYTHON, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheels[0])], tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (target / "mkdocs_postkit" / "engines" / "mkdocs.py").is_file() and (
        target / "mkdocs_postkit" / "assets" / "postkit.js"
    ).is_file()
    probe = tmp / "probe"
    probe.mkdir()
    (probe / "sitecustomize.py").write_text(PROBE, "utf-8")
    install = WheelInstall(wheels[0], target, probe, " ".join(command), ref or "work tree", {}, {})
    # cwd is a folder without postkit in it: `python -c` (and `python -m`) put the cwd first on sys.path.
    for env, key in ((install.env(), "seen"), ({**os.environ, "PYTHONPATH": ""}, "seen_without")):
        done = _run([PYTHON, "-c", WHICH_POSTKIT], tmp, env)
        assert done.returncode == 0, done.stderr
        setattr(install, key, json.loads(done.stdout))
    seen, without = install.seen, install.seen_without
    # With the builds' PYTHONPATH: the module, the one entry point MkDocs sees, and the class it loads are the wheel's.
    assert inside(seen["postkit"], target), seen
    assert seen["entry_points"] == [["mkdocs_postkit.engines.mkdocs:PostkitPlugin", str(target)]], seen
    assert inside(seen["plugin_class_file"], target), seen
    # Without it, the same check finds the editable install: so it does tell the two apart.
    assert not inside(without["postkit"], target) and not inside(without["plugin_class_file"], target), without
    return install


def inside(path: str | None, folder: Path) -> bool:
    return path is not None and Path(path).resolve().is_relative_to(folder.resolve())


# --- The sites ---------------------------------------------------------------------------------

YOUTUBE_ALLOW = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"


class Embeds:
    """Writes embeds of the three syntaxes and remembers each one's title and video id."""

    def __init__(self) -> None:
        self.expected: dict[str, str] = {}  # title -> YouTube id
        self._ids = itertools.cycle(VIDEO_IDS)

    def _take(self, title: str) -> str:
        assert title not in self.expected, title
        self.expected[title] = video_id = next(self._ids)
        return video_id

    def iframe(self, title: str, multiline: bool = False) -> str:
        """As YouTube's Share -> Embed gives it (on one line, or broken over lines by an editor)."""
        video_id = self._take(title)
        attributes = [
            'width="560"',
            'height="315"',
            f'src="https://www.youtube.com/embed/{video_id}?si=Qx3Lp0aZr9TkYb2W"',
            f'title="{title}"',
            'frameborder="0"',
            f'allow="{YOUTUBE_ALLOW}"',
            'referrerpolicy="strict-origin-when-cross-origin"',
            "allowfullscreen",
        ]
        if multiline:
            return "<iframe\n  " + "\n  ".join(attributes) + ">\n</iframe>"
        return f"<iframe {' '.join(attributes)}></iframe>"

    def image(self, title: str) -> str:
        return f'![type:video](https://youtu.be/{self._take(title)} "{title}")'

    def block(self, title: str, caption: str = "", blank_line: bool = True) -> str:
        text = f"/// video | https://youtu.be/{self._take(title)}\n    title: {title}\n"
        if caption:
            # In a definition list, pymdownx Blocks (its own blocks too) loses a body that a blank line
            # parts from the options: the body becomes code and the block runs to the end of the page.
            text += f"\n{caption}\n" if blank_line else f"{caption}\n"
        return text + "///"


def indent(text: str, by: int = 4) -> str:
    return textwrap.indent(text, " " * by, lambda line: bool(line.strip()))


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


@dataclass
class Site:
    name: str
    config: str  # mkdocs.yml without site_name and site_url
    pages: dict[str, str]  # docs/ path -> Markdown
    videos: dict[str, dict[str, str]] = field(default_factory=dict)  # served path -> {title: YouTube id}


def _one_of_each(theme: str) -> Site:
    e = Embeds()
    page = "\n\n".join(
        [
            f"# Talks on {theme}",
            "A page with one video of each syntax.",
            "## Pasted",
            e.iframe(f"{theme} · iframe"),
            "## Pasted over lines",
            e.iframe(f"{theme} · iframe over lines", multiline=True),
            "## Image",
            e.image(f"{theme} · image"),
            "## Block",
            e.block(f"{theme} · block", "The talk, *captioned*."),
            "The end.",
        ]
    )
    # Both themes load highlight.js from cdnjs by default: their request, not postkit's; off, so "no request" is postkit's to keep.
    config = f"theme: {{name: {theme}, highlightjs: false}}\nplugins: [search, postkit]\n"
    return Site(theme, config, {"index.md": page + "\n"}, {"": e.expected})


def _containers() -> Site:
    e = Embeds()

    def three(where: str, caption: str = "Its caption.") -> list[str]:
        blank_line = where != "Definition list"
        return [e.iframe(f"{where} · iframe"), e.image(f"{where} · image"), e.block(f"{where} · block", caption, blank_line)]

    admonition = "\n\n".join(three("Admonition"))
    details = "\n\n".join(three("Details"))
    tab_iframe, tab_image, tab_block = three("Tab")
    ol_iframe, ol_image, ol_block = three("Ordered list")
    ul_iframe, ul_image, ul_block = three("Unordered list")
    nested_iframe, nested_image, nested_block = three("Nested list")
    quote = "\n\n".join(three("Blockquote"))
    dl_iframe, dl_image, dl_block = three("Definition list")
    footnote = "\n\n".join(three("Footnote"))
    html_div = "\n\n".join(three("HTML div"))
    cell_iframe, cell_image = e.iframe("Table cell · iframe"), e.image("Table cell · image")
    admonition_iframe_lines = e.iframe("Admonition · iframe over lines", multiline=True)
    sections = [
        "# Videos in containers",
        "Every container Material's authors use, holding every syntax.",
        "## Admonition",
        '!!! note "Three talks"\n\n' + indent(admonition + "\n\n" + admonition_iframe_lines),
        "## Details",
        '??? note "Three talks, folded"\n\n' + indent(details),
        "## Content tabs",
        '=== "Intro"\n\n    No video in this tab.',
        '=== "Iframe"\n\n' + indent(tab_iframe),
        '=== "Image"\n\n' + indent(tab_image),
        '=== "Block"\n\n' + indent(tab_block),
        "## Ordered list",
        "\n\n".join(["1. The first talk:", indent(ol_iframe), "2. " + ol_image, "3. The third talk:", indent(ol_block)]),
        "## Unordered list",
        "\n\n".join(["- " + ul_iframe, "- The second talk:", indent(ul_image), "- The third talk:", indent(ul_block)]),
        "## Nested list",
        "\n\n".join(
            [
                "- The talks of the day:",
                indent("- The morning talk:"),
                indent(nested_iframe, 8),
                indent("- " + nested_image),
                indent("- The evening talk:"),
                indent(nested_block, 8),
            ]
        ),
        "## Blockquote",
        quoted(quote),
        "## Definition list",
        "\n\n".join(["Morning talk", ":   " + dl_iframe, "Afternoon talks", ":   Two talks:", indent(dl_image), indent(dl_block)]),
        "## Footnote",
        "The talks are in a footnote.[^talks]",
        "[^talks]: Three talks:\n\n" + indent(footnote),
        "## HTML",
        "<div markdown>\n\n" + html_div + "\n\n</div>",
        "## Table",
        f"| Syntax | Video |\n| --- | --- |\n| iframe | {cell_iframe} |\n| image | {cell_image} |",
        "The end.",
    ]
    config = """\
theme: {name: material, font: false, features: [content.tabs.link]}
plugins: [search, postkit]
markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed: {alternate_style: true}
"""
    return Site("material-containers", config, {"index.md": "\n\n".join(sections) + "\n"}, {"": e.expected})


def _from_mkdocs_video() -> Site:
    """A site written for mkdocs-video, whose mkdocs.yml only had the plugin's name changed."""
    config = """\
theme:
  name: material
  font: false
plugins:
  - search
  - postkit:
      mark: "type:video"
      is_video: false
      video_muted: false
      video_loop: false
      video_controls: true
      video_autoplay: false
"""
    ids = itertools.cycle(VIDEO_IDS)
    pages, videos = {}, {}
    for name, headings in {"index.md": ["Getting started", "Installing"], "guide/usage.md": ["Writing pages", "Publishing"]}.items():
        text = f"# {name.removesuffix('.md').split('/')[-1].title()}\n\nWritten for mkdocs-video.\n"
        expected = {}
        for heading in headings:
            video_id = next(ids)
            text += f"\n## {heading}\n\n![type:video](https://www.youtube.com/embed/{video_id})\n\nSome words after it.\n"
            expected[heading] = video_id
        pages[name] = text
        videos["" if name == "index.md" else name.removesuffix(".md") + "/"] = expected
    return Site("from-mkdocs-video", config, pages, videos)


# Iframes from hosts that are not video hosts, as their sites give them: to be left exactly as written.
FOREIGN_IFRAMES = {
    "form": '<iframe src="https://forms.example.com/embed" width="540" height="305" frameborder="0" marginheight="0" marginwidth="0" title="Newsletter sign-up">Loading…</iframe>',
    "map": '<iframe width="425" height="350" src="https://www.openstreetmap.org/export/embed.html?bbox=-0.1300%2C51.5000%2C-0.1200%2C51.5100&amp;layer=mapnik&amp;marker=51.505%2C-0.125" style="border: 1px solid black" title="Map of the venue"></iframe>',
    "sandbox": (
        '<iframe height="300" style="width: 100%;" scrolling="no" title="Facade demo" '
        'src="https://codepen.io/example/embed/preview/abcXYZ?default-tab=html%2Cresult" frameborder="no" loading="lazy" '
        'allowtransparency="true" allowfullscreen="true" sandbox="allow-scripts allow-same-origin">\n'
        '  See the Pen <a href="https://codepen.io/example/pen/abcXYZ">Facade demo</a> by Example\n'
        '  (<a href="https://codepen.io/example">@example</a>) on <a href="https://codepen.io">CodePen</a>.\n'
        "</iframe>"
    ),
    "slides": '<iframe src="https://docs.google.com/presentation/d/e/2PACX-1vExampleDeck/embed?start=false&loop=false&delayms=3000" frameborder="0" width="960" height="569" allowfullscreen="true" mozallowfullscreen="true" webkitallowfullscreen="true"></iframe>',
    "form in an admonition": '<iframe src="https://forms.example.com/embed?list=talks" width="540" height="305" title="Talks sign-up"></iframe>',
}


def _foreign_iframes() -> Site:
    top = [key for key in FOREIGN_IFRAMES if "admonition" not in key]
    parts = ["# Sign up and find us", "No video on this page: a form, a map, a sandbox and slides, as their sites give them."]
    for key in top:
        parts += [f"## The {key}", FOREIGN_IFRAMES[key]]
    parts += ["## In an admonition", '!!! tip "Talks"\n\n' + indent(FOREIGN_IFRAMES["form in an admonition"]), "The end."]
    config = "theme: {name: material, font: false}\nplugins: [search, postkit]\nmarkdown_extensions: [admonition]\n"
    return Site("foreign-iframes", config, {"index.md": "\n\n".join(parts) + "\n"})


def all_sites() -> dict[str, Site]:
    sites = [_one_of_each("mkdocs"), _one_of_each("readthedocs"), _containers(), _from_mkdocs_video(), _foreign_iframes()]
    return {site.name: site for site in sites}


# --- Building them -----------------------------------------------------------------------------


@dataclass
class Build:
    site: Site
    project: Path
    port: int
    returncode: int
    stdout: str
    stderr: str
    probe: dict | None  # what the build imported (see PROBE); None if it wrote nothing

    @property
    def site_dir(self) -> Path:
        return self.project / "site"

    def log(self) -> str:
        return f"mkdocs build --strict exited {self.returncode}:\n{self.stderr[-4000:]}"


@dataclass
class Builds:
    install: WheelInstall
    builds: dict[str, Build]
    seconds: float


def build_all(root: Path) -> Builds:
    """Install the wheel, then build every site at once (each in a subprocess), strict, with the wheel's postkit."""
    start = time.perf_counter()
    install = install_wheel(root / "wheel")
    running = {}
    for name, site in all_sites().items():
        project = root / name
        port = free_port()
        for path, text in site.pages.items():
            (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (project / "docs" / path).write_text(text, "utf-8")
        yaml = f"site_name: {name}\nsite_url: http://127.0.0.1:{port}/\n{site.config}"
        (project / "mkdocs.yml").write_text(yaml, "utf-8")
        command = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
        env = install.env(POSTKIT_PROBE=str(project / "probe.json"))
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        running[name] = (site, project, port, process)
    builds = {}
    deadline = time.perf_counter() + BUILD_TIMEOUT  # they run at once: one deadline for all
    for name, (site, project, port, process) in running.items():
        try:
            stdout, stderr = process.communicate(timeout=max(1.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            # Ctrl-C first: Python prints where it was (the traceback says where it hangs) and the probe still writes.
            process.send_signal(signal.SIGINT)
            try:
                stdout, stderr = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                stdout, stderr = process.communicate()
            stderr += f"\n[the build was still running after {BUILD_TIMEOUT:.0f} s (a hang?) and was interrupted]"
        probe_file = project / "probe.json"
        probe = json.loads(probe_file.read_text("utf-8")) if probe_file.exists() else None
        builds[name] = Build(site, project, port, process.returncode, stdout, stderr, probe)
    return Builds(install, builds, time.perf_counter() - start)


_BUILT: dict[str, Builds] = {}


def built_once(tmp_path_factory) -> Builds:
    """The same builds for every module of the session that asks (a session fixture in two modules would build twice)."""
    if "builds" not in _BUILT:
        _BUILT["builds"] = build_all(tmp_path_factory.mktemp("foreign-sites"))
    return _BUILT["builds"]
