"""What the pre-commit and GitHub Action tests share: a small user project (spec, [tool.sdkforge], generated SDK),
the README's CI snippets, and this repository as a commit those tools can install."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

SPEC = """\
openapi: 3.0.3
info: {title: Tiny, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: get_pet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      properties:
        id: {type: string}
"""
BROKEN_LINE = 14  # the response schema's $ref, pointed at a schema that does not exist
BROKEN_SPEC = SPEC.replace("schemas/Pet'}", "schemas/Missing'}")
WARNING_LINE = 10  # a status code written as a number: read as "200", with a warning
WARNING_SPEC = SPEC.replace("'200':", "200:")
CHANGED_SPEC = SPEC + "        name: {type: string}\n"  # valid, but the generated SDK no longer matches it

CONFIG = """\
[[tool.sdkforge.targets]]
spec = "specs/api.yaml"
output = "sdk"
package = "tiny"
"""


class Project:
    """A user's repository: specs/api.yaml, pyproject.toml with [tool.sdkforge] and the SDK generated into sdk/."""

    def __init__(self, path: Path) -> None:
        self.path = path
        (path / "specs").mkdir(parents=True)
        (path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
        self.write_spec(SPEC)
        self.generate()

    @property
    def spec(self) -> Path:
        return self.path / "specs" / "api.yaml"

    def write_spec(self, text: str) -> None:
        self.spec.write_text(text, encoding="utf-8")

    def break_spec(self) -> int:
        """Point a $ref at a schema that does not exist; the line it is on."""
        self.write_spec(BROKEN_SPEC)
        return BROKEN_LINE

    def warn_spec(self) -> int:
        """A spec that generates, with a warning; the line it is on."""
        self.write_spec(WARNING_SPEC)
        return WARNING_LINE

    def change_spec(self) -> None:
        """A valid change the generated SDK does not reflect yet."""
        self.write_spec(CHANGED_SPEC)

    def generate(self) -> None:
        """Regenerate sdk/ with this checkout's generator (the code the hooks and the action install)."""
        from generator.cli import main

        assert main(["generate", "--quiet", "--config", str(self.path / "pyproject.toml")]) == 0


@pytest.fixture
def make_project() -> type[Project]:
    return Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def git(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@functools.cache
def this_commit() -> str:
    """A commit of this repository's working tree that git can fetch from ROOT: HEAD when the tree is clean (as in CI),
    else a commit of the tracked changes (`git stash create` leaves the tree and the stash list alone). Made once per
    session: the pre-commit hook environment is keyed by it."""
    identity = ("-c", "user.name=sdkforge tests", "-c", "user.email=tests@localhost")  # for a machine without one
    return git(*identity, "stash", "create") or git("rev-parse", "HEAD")


def pre_commit_config() -> str:
    """The README's .pre-commit-config.yaml, aimed at this checkout."""
    config = yaml.safe_load(readme_block("repos:"))
    (entry,) = config["repos"]
    entry.update(repo=str(ROOT), rev=this_commit())
    return yaml.safe_dump(config, sort_keys=False)


# --- the pre-commit hook environment, built in the background -------------------------------------------------------
# Building it is a pip install of this checkout with every dependency (about a minute, mostly waiting on the
# registry), so it starts when collection selects a pre-commit test and overlaps the tests that run before them.

_HOOKS: dict[str, object] = {}


def _install_hooks(home: Path) -> Path:
    repo = home / "warm-up"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    git("init", "--quiet", str(repo))
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"], cwd=repo, env=dict(os.environ, PRE_COMMIT_HOME=str(home)),
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return home


def pytest_collection_finish(session: pytest.Session) -> None:
    if "future" in _HOOKS or not any("test_precommit" in str(item.path) for item in session.items):
        return
    home = Path(tempfile.mkdtemp(prefix="sdkforge-pre-commit-"))
    _HOOKS["home"] = home
    _HOOKS["future"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pre-commit").submit(_install_hooks, home)


def pytest_sessionfinish() -> None:
    future = _HOOKS.get("future")
    if isinstance(future, Future):
        future.exception()  # the install writes into the folder removed below
    home = _HOOKS.get("home")
    if isinstance(home, Path):
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def repo(project: Project) -> Project:
    """The user's project as a git repository whose .pre-commit-config.yaml is the README's, aimed at this checkout;
    `pre_commit_home` is the store holding the hook environment (a virtualenv with this checkout pip-installed)."""
    future = _HOOKS.get("future")
    assert isinstance(future, Future), "the pre-commit hook environment was not started at collection"
    (project.path / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    git("init", "--quiet", str(project.path))
    project.pre_commit_home = future.result()
    return project


def readme_block(must_contain: str) -> str:
    """The YAML block of the README's "CI integration" section that holds `must_contain` (the exact snippet users
    copy, so the README cannot drift from what the tests run)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CI integration", 1)[1].split("\n## ", 1)[0]
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", section, re.DOTALL) if must_contain in b]
    assert len(blocks) == 1, f"README's CI integration section needs one yaml block with {must_contain!r}"
    return blocks[0]


@pytest.fixture(scope="module")
def readme_yaml() -> Callable[[str], object]:
    return lambda must_contain: yaml.safe_load(readme_block(must_contain))
