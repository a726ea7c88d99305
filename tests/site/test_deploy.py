"""`mkdocs gh-deploy` with real git into a local bare repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.sites import copy_project

MKDOCS = [sys.executable, "-m", "mkdocs"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "NO_MKDOCS_2_WARNING": "1",
}


def run(*args: str, cwd: Path) -> str:
    result = subprocess.run(args, cwd=cwd, env=os.environ | GIT_ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def test_gh_deploy_publishes_and_updates_the_gh_pages_branch(tmp_path):
    project = copy_project(tmp_path / "project")
    bare = tmp_path / "pages.git"
    run("git", "init", "--bare", "--quiet", str(bare), cwd=tmp_path)
    run("git", "init", "--quiet", "--initial-branch=main", cwd=project)
    run("git", "remote", "add", "pages", str(bare), cwd=project)
    run("git", "add", ".", cwd=project)
    run("git", "commit", "--quiet", "-m", "The post", cwd=project)

    deploy = (*MKDOCS, "gh-deploy", "--force", "--remote-name", "pages", "--message", "Deploy {sha}")
    run(*deploy, cwd=project)
    files = run("git", "--git-dir", str(bare), "ls-tree", "-r", "--name-only", "gh-pages", cwd=tmp_path).split()
    for name in ("index.html", "404.html", ".nojekyll", "videos/index.html", "all-videos/index.html", "assets/postkit/postkit.js"):
        assert name in files, name
    first = run("git", "--git-dir", str(bare), "rev-parse", "gh-pages", cwd=tmp_path).strip()

    page = project / "docs" / "looking-forward.md"
    page.write_text(page.read_text("utf-8") + "\nA second edition of this post is on its way.\n", "utf-8")
    run("git", "commit", "--quiet", "-am", "Edit", cwd=project)
    run(*deploy, cwd=project)
    second = run("git", "--git-dir", str(bare), "rev-parse", "gh-pages", cwd=tmp_path).strip()
    assert second != first
    assert run("git", "--git-dir", str(bare), "rev-parse", "gh-pages~1", cwd=tmp_path).strip() == first, "the update is a new commit on top"
    published = run("git", "--git-dir", str(bare), "show", "gh-pages:looking-forward/index.html", cwd=tmp_path)
    assert "A second edition of this post is on its way." in published
    assert "Deploy " in run("git", "--git-dir", str(bare), "log", "-1", "--format=%s", "gh-pages", cwd=tmp_path)
