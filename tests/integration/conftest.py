"""What the pre-commit and GitHub Action tests share: a small user project (spec, [tool.sdkforge], generated SDK),
the README's CI snippets, and this repository as a commit those tools can install."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
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


@pytest.fixture(scope="module")
def this_commit() -> str:
    """A commit of this repository's working tree that git can fetch from ROOT: HEAD when the tree is clean (as in CI),
    else a commit of the tracked changes (`git stash create` leaves the tree and the stash list alone)."""
    identity = ("-c", "user.name=sdkforge tests", "-c", "user.email=tests@localhost")  # for a machine without one
    return git(*identity, "stash", "create") or git("rev-parse", "HEAD")


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
