"""Each benchmark runs once at its smallest size and prints the tables the README shows.

No timing is asserted (this machine's speed is not the code's); the tables'
shape is, and so are the facts that do not depend on speed: which requests a
page makes, which variant is the baseline.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ["postkit", "plain iframes", "mkdocs-video 1.5.0"]


def run(script: str, *options: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *(options or ["--quick"])],
        capture_output=True,
        text=True,
        timeout=240,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr[-3000:]}"
    return done.stdout


def tables(output: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table printed: (header, rows), cells stripped."""
    found, block = [], []
    for line in [*output.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif block:
            assert set("".join(block[1])) <= set("-:"), f"second line of a table is its rule: {block[1]}"
            found.append((block[0], block[2:]))
            block = []
    return found


NUMBER = re.compile(r"[+-]?\d+(\.\d+)?%?")
SECONDS = re.compile(r"\d+\.\d{2}")  # a duration as printed: never compared, only its shape checked
RANGE = re.compile(r"\d+\.\d{2}–\d+\.\d{2}")


def test_page_cost():
    output = run("page_cost.py")
    (header, pages), (asset_header, assets) = tables(output)
    assert header == ["page", "variant", "requests", "KB", "KB gzip", "3rd-party requests", "3rd-party hosts"]
    assert [row[:2] for row in pages] == [["/videos/", variant] for variant in VARIANTS]
    blocked = {row[1]: int(row[5]) for row in pages}
    assert blocked == {"postkit": 0, "plain iframes": 4, "mkdocs-video 1.5.0": 4}, "the four pasted players, blocked"
    assert {row[1]: row[6] for row in pages} == {
        "postkit": "none",
        "plain iframes": "www.youtube.com",
        "mkdocs-video 1.5.0": "www.youtube.com",
    }
    requests = {row[1]: int(row[2]) for row in pages}
    assert requests["postkit"] == requests["plain iframes"] + 2, "postkit adds its CSS and JS, nothing else"
    assert asset_header == ["file", "bytes", "bytes gzip -9"]
    assert [row[0] for row in assets] == ["postkit.css", "postkit.js", "together"]
    assert all(0 < int(row[2]) < int(row[1]) for row in assets)
    assert "224x faster" in output and "540 KB to 1 MB" in output, "the deferred player's published figures, with sources"


def test_build_scaling():
    output = run("build_scaling.py")
    (header, rows), (added_header, added) = tables(output)
    assert header == ["pages", "variant", "median s", "range s", "CPU s", "ms/page", "vs plain", "CPU vs plain"]
    assert [row[:2] for row in rows] == [["10", variant] for variant in VARIANTS]
    plain = next(row for row in rows if row[1] == "plain iframes")
    assert plain[6] == plain[7] == "1.000", "ratios are to the plain build"
    for row in rows:
        assert SECONDS.fullmatch(row[2]) and RANGE.fullmatch(row[3]) and SECONDS.fullmatch(row[4]), row
        assert all(NUMBER.fullmatch(cell) for cell in row[5:]), row
    assert added_header == ["pages", "variant", "added CPU ms", "added CPU ms/page", "added % CPU", "added % wall"]
    assert [row[:2] for row in added] == [["10", "postkit"], ["10", "mkdocs-video 1.5.0"]]
    assert all(NUMBER.fullmatch(cell) for row in added for cell in row[2:]), added


def test_build_profile():
    ((header, rows),) = tables(run("build_scaling.py", "--profile", "10"))
    assert header == ["function (nested calls included)", "calls", "CPU ms", "% of build"]
    called = {row[0]: int(row[1]) for row in rows}
    assert called["EmbedTreeprocessor.run"] >= 10 and called["PostkitPlugin.on_page_content"] == 12  # 10 pages, index, All videos
    assert called["MkDocs populate_page of all-videos.md"] == 1


def test_live_reload():
    output = run("live_reload.py")
    ((header, rows),) = tables(output)
    assert header == ["variant", "edits", "median s", "range s", "build s", "detect + serve s"]
    assert [row[:2] for row in rows] == [["postkit", "2"]]
    ((_, _, total, spread, build, rest),) = rows
    assert SECONDS.fullmatch(total) and RANGE.fullmatch(spread) and SECONDS.fullmatch(build), rows
    assert re.fullmatch(r"-?\d+\.\d{2}", rest), "the total minus the build (noise may make it negative)"


def test_hostile_shapes():
    output = run("hostile_shapes.py", "--quick", "--shapes", "many-iframes", "heading-spaces")
    ((header, rows),) = tables(output)
    assert header[:2] == ["shape", "size"] and {row[0] for row in rows} == {"many-iframes", "heading-spaces"}
