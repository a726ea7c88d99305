"""The package as a stranger gets it: the sdist and wheel that `scripts/package.sh` builds,
their metadata and contents, and the wheel installed into a fresh virtual environment
(no source tree on its path) building a site of its own, strict."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

ROOT = Path(__file__).parents[2]
# Wheels of the site's pinned requirements, downloaded by scripts/test.sh: the fresh
# environment installs from them alone, with no index.
WHEELHOUSE = ROOT / ".cache" / "wheelhouse"


@pytest.fixture(scope="module")
def dist() -> Path:
    folder = Path(os.environ.get("POSTKIT_DIST", ROOT / "dist"))
    if not os.environ.get("POSTKIT_DIST"):
        done = subprocess.run(["bash", str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stdout + done.stderr
    assert len(list(folder.glob("*.whl"))) == 1 and len(list(folder.glob("*.tar.gz"))) == 1, sorted(folder.iterdir())
    return folder


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    return next(dist.glob("*.whl"))


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_metadata_describes_the_package_not_this_site(wheel):
    meta = metadata(wheel)
    assert meta["Name"] == "mkdocs-postkit" and meta["Version"]
    assert meta["License-Expression"] == "MIT" and meta["License-File"] == "LICENSE"
    assert meta["Author"] == "Keunwoo Choi"
    classifiers = meta.get_all("Classifier")
    assert {"Framework :: MkDocs", "Programming Language :: Python :: 3.11", "Typing :: Typed"} <= set(classifiers)
    assert {url.split(",")[0] for url in meta.get_all("Project-URL")} == {"Homepage", "Documentation", "Changelog", "Issues"}
    assert meta["Description-Content-Type"] == "text/markdown"
    description = meta.get_payload()
    assert description.startswith("# mkdocs-postkit") and "Training Biomedical" not in description
    assert "pip install mkdocs-postkit" in description
    # Every image and link of the PyPI page is absolute: PyPI has no files beside it.
    targets = addresses(markdown.markdown(description, extensions=["fenced_code", "tables"]))
    assert any(target.endswith("screenshot.png") for target in targets), targets
    assert all(target.startswith(("https://", "#")) for target in targets), targets


def addresses(html: str) -> list[str]:
    """The `href` and `src` of every element of `html`."""
    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(value or "" for name, value in attrs if name in ("href", "src"))

    Collector().feed(html)
    return found


def test_the_wheel_holds_the_license_the_assets_and_the_type_marker(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"mkdocs_postkit/assets/postkit.css", "mkdocs_postkit/assets/postkit.js", "mkdocs_postkit/py.typed"}
    assert expected <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "docs/", "benchmarks/")) for n in names)


def test_the_sdist_holds_the_license_the_changelog_and_the_package_readme(dist):
    with tarfile.open(next(dist.glob("*.tar.gz"))) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {
        "LICENSE",
        "CHANGELOG.md",
        "PACKAGE.md",
        "pyproject.toml",
        "mkdocs_postkit/py.typed",
        "mkdocs_postkit/assets/postkit.js",
    } <= names


def test_the_wheel_in_a_fresh_environment_builds_a_site_of_its_own(wheel, tmp_path):
    assert WHEELHOUSE.is_dir(), f"{WHEELHOUSE} is missing: scripts/test.sh downloads the site's requirements there"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")} | {"NO_MKDOCS_2_WARNING": "1"}
    install = [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(WHEELHOUSE), str(wheel), "mkdocs-material"]
    done = subprocess.run(install, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    where = subprocess.run(
        [str(python), "-c", "import mkdocs_postkit; print(mkdocs_postkit.__file__)"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr

    site = tmp_path / "stranger"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(
        "site_name: Fremd\ntheme: {name: material, language: de}\nnav: [index.md, zwei.md]\nplugins: [search, postkit]\n", "utf-8"
    )
    (site / "docs" / "index.md").write_text("# Eins\n\nText.\n\n![type:video](https://youtu.be/v-zudK5KnWY)\n", "utf-8")
    (site / "docs" / "zwei.md").write_text("# Zwei\n\nMehr Text.\n", "utf-8")
    done = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict"], capture_output=True, text=True, env=env, cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "postkit" not in done.stderr.replace("mkdocs_postkit", ""), done.stderr
    page = (site / "site" / "index.html").read_text("utf-8")
    assert "Teil 1 von 2" in page and 'data-label="Video abspielen: Eins"' in page and "Auf YouTube ansehen" in page
    assert (site / "site" / "assets" / "postkit" / "postkit.js").is_file()
    assert "Alle Videos" in (site / "site" / "all-videos" / "index.html").read_text("utf-8")
