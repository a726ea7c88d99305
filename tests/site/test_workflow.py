"""The GitHub Actions workflow: strict build and Pages deployment on main, tests on pull requests."""

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).parents[2] / ".github" / "workflows" / "pages.yml"


def test_pushes_to_main_build_strict_and_deploy_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = build["steps"]
    assert any("mkdocs build --strict" in step.get("run", "") for step in steps)
    site_url = next(step["env"]["SITE_URL"] for step in steps if "SITE_URL" in step.get("env", {}))
    assert "steps.pages.outputs.base_url" in site_url and site_url.endswith("/")
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in steps)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert "pull_request" in build["if"] and "!=" in build["if"]


def test_pull_requests_run_the_test_command():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    test = workflow["jobs"]["test"]
    assert test["if"] == "github.event_name == 'pull_request'"
    assert any(step.get("run") == "scripts/test.sh" for step in test["steps"])


def test_a_tag_builds_tests_and_publishes_the_package_with_trusted_publishing():
    workflow = yaml.safe_load((WORKFLOW.parent / "release.yml").read_text("utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    runs = [step.get("run", "") for step in build["steps"]]
    # The same build and checks as the test command (scripts/test.sh runs both too).
    assert "scripts/package.sh" in runs and any("pytest tests/package" in run for run in runs)
    test_command = (WORKFLOW.parents[2] / "scripts" / "test.sh").read_text("utf-8")
    assert "scripts/package.sh" in test_command and "POSTKIT_DIST" in test_command
    assert publish["needs"] == "build" and publish["permissions"] == {"id-token": "write"}
    assert [step["uses"].split("@")[0] for step in publish["steps"]] == ["actions/download-artifact", "pypa/gh-action-pypi-publish"]
    assert not any("password" in step.get("with", {}) for step in publish["steps"]), "trusted publishing needs no token"
