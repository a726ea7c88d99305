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
