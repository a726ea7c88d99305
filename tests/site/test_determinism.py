"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give the same bytes, file for file.

Each build runs in its own process, from its own copy of the project (so no
absolute path can hide in the output) and with a different PYTHONHASHSEED (so
no set or dict order that depends on string hashing can either).
"""

from __future__ import annotations

import difflib
import gzip
import os
import struct
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from support.sites import copy_project

EPOCH = 1_750_000_000  # 2025-06-15, the month the post was published


def build(tmp_path: Path, name: str, epoch: int, hash_seed: str) -> subprocess.Popen:
    project = copy_project(tmp_path / name)
    env = os.environ | {"SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": hash_seed, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")]
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    process.site = project / "site"  # type: ignore[attr-defined]
    return process


def finish(process: subprocess.Popen) -> dict[str, bytes]:
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    site: Path = process.site  # type: ignore[attr-defined]
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """File names that differ, each with the first lines of its diff."""
    report = [f"only in one build: {name}" for name in sorted(set(a) ^ set(b))]
    for name in sorted(set(a) & set(b)):
        if a[name] != b[name]:
            old, new = (gzip.decompress(x) if name.endswith(".gz") else x for x in (a[name], b[name]))
            diff = difflib.unified_diff(
                old.decode("utf-8", "replace").splitlines(), new.decode("utf-8", "replace").splitlines(), lineterm=""
            )
            report.append(f"{name}:\n" + "\n".join(list(diff)[2:12]))
    return report


def test_two_builds_are_byte_identical_and_dated_by_source_date_epoch(tmp_path):
    first, second, later = (
        build(tmp_path, "first", EPOCH, "1"),
        build(tmp_path, "second", EPOCH, "2"),
        build(tmp_path, "later", EPOCH + 40 * 86400, "3"),
    )
    a, b, c = finish(first), finish(second), finish(later)

    assert len(a) > 50, "the whole site, theme assets included, is compared"
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "videos/index.html", "all-videos/index.html"} <= set(a)
    assert differences(a, b) == []

    # The dates come from SOURCE_DATE_EPOCH, not the clock: in the sitemap, and in the gzip header.
    day = datetime.fromtimestamp(EPOCH, UTC).strftime("%Y-%m-%d")
    assert a["sitemap.xml"].count(f"<lastmod>{day}</lastmod>".encode()) == a["sitemap.xml"].count(b"<lastmod>") > 0
    midnight = int(datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())  # MkDocs keeps the day only
    assert struct.unpack("<I", a["sitemap.xml.gz"][4:8])[0] == midnight
    assert gzip.decompress(a["sitemap.xml.gz"]) == a["sitemap.xml"]

    # A different date changes the sitemap, and nothing else: the comparison above can fail.
    assert [name.split(":")[0] for name in differences(a, c)] == ["sitemap.xml", "sitemap.xml.gz"]
