"""The pre-commit hooks as a user runs them: the README's .pre-commit-config.yaml, the real `pre-commit` tool, and this
repository installed into the hook environment the way pre-commit installs any hook repository.

`pre-commit try-repo` is the same machinery plus a generated configuration, but it builds the hook environment afresh
in a throwaway store on every call (PRE_COMMIT_HOME is ignored), a full pip install of sdkforge each time; `pre-commit
run` with the README's configuration pointed at this repository builds it once for the session, in the background
from collection on (conftest.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def pre_commit(project) -> tuple[int, str]:
    """`pre-commit run --all-files` in the project, as on a commit that touches every file."""
    subprocess.run(["git", "add", "--all"], cwd=project.path, check=True)
    env = dict(os.environ, PRE_COMMIT_HOME=str(project.pre_commit_home))
    env.pop("PYTHONPATH", None)  # the hooks must run the sdkforge pre-commit installed, nothing else
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        check=False, cwd=project.path, env=env, capture_output=True, text=True, timeout=900,
    )
    return done.returncode, done.stdout + done.stderr


def status(output: str, hook_name: str) -> str:
    """What pre-commit reported for one hook: Passed, Failed or Skipped (no files matched: a pass that checked nothing)."""
    found = re.search(rf"^{re.escape(hook_name)}\.+(\w+)", output, re.MULTILINE)
    assert found, output
    return found[1]


def test_valid_spec_and_fresh_sdk_pass(repo) -> None:
    code, output = pre_commit(repo)
    assert code == 0, output
    assert status(output, "sdkforge validate") == "Passed"
    assert status(output, "sdkforge check") == "Passed"


def test_broken_spec_fails_with_located_messages(repo) -> None:
    line = repo.break_spec()
    code, output = pre_commit(repo)
    assert code == 1, output
    assert status(output, "sdkforge validate") == "Failed"
    assert re.search(rf"^specs/api\.yaml:{line}:\d+: error SF\d{{3}} .*Missing", output, re.MULTILINE), output
    assert status(output, "sdkforge check") == "Failed"  # the same spec cannot be generated either


def test_stale_sdk_fails_check_until_regenerated(repo) -> None:
    repo.change_spec()
    code, output = pre_commit(repo)
    assert code == 1, output
    assert status(output, "sdkforge validate") == "Passed"
    assert status(output, "sdkforge check") == "Failed"
    assert re.search(r"^stale: sdk/\S+", output, re.MULTILINE), output

    repo.generate()
    code, output = pre_commit(repo)
    assert code == 0, output
    assert status(output, "sdkforge validate") == "Passed"
    assert status(output, "sdkforge check") == "Passed"


def test_hook_defaults_skip_what_is_not_a_spec() -> None:
    """Without `files:`, sdkforge-validate must not be handed pre-commit's or sdkforge's own YAML and JSON."""
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    files = re.compile(hooks["sdkforge-validate"]["files"])
    exclude = re.compile(hooks["sdkforge-validate"]["exclude"])

    def seen(path: str) -> bool:  # pre-commit: `files` matches and `exclude` does not
        return bool(files.search(path)) and not exclude.search(path)

    specs = ["openapi.yaml", "api/openapi.json", "specs/petstore.yml", "spec/v2/pets.yaml", "docs/swagger.json"]
    others = [".pre-commit-config.yaml", ".github/workflows/ci.yml", "sdk/.sdkforge-manifest.json",
              "sdk/tests/responses.json", "package.json", "docker-compose.yaml", "specs/.sdkforge-ignore.yaml"]
    assert [p for p in specs if not seen(p)] == []
    assert [p for p in others if seen(p)] == []


def test_the_ignore_file_is_read_by_the_hook(repo) -> None:
    """Adopting on a spec with an error generate repairs (an undeclared path parameter): the ignore file written by
    --generate-ignore-file in the repository root is found by the hook, so the commit passes."""
    repo.write_spec(repo.spec.read_text(encoding="utf-8").replace("/pets/{id}:", "/pets/{id}/{tag}:"))
    repo.generate()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--generate-ignore-file", "specs/api.yaml"],
                          cwd=repo.path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "wrote 1 finding(s)" in done.stderr, done.stdout + done.stderr
    code, output = pre_commit(repo)
    assert code == 0, output
    assert status(output, "sdkforge validate") == "Passed"
