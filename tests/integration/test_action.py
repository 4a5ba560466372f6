"""The composite action (action.yml) run as the GitHub runner runs it: each `run:` step in order through
`bash --noprofile --norc -eo pipefail`, its `env:`, `working-directory` and `if:` evaluated from the inputs (the
README's `with:` over action.yml's defaults), `uses:` steps (setup-python) left to the runner's own Python.

The install step installs this checkout (`sdkforge-version` is its path) into a fresh venv that sees the running
environment's packages (pip among them) through a .pth file: pip builds and installs sdkforge itself into the venv but
downloads no dependency of it; the venv has no pip of its own (ensurepip took ~30 s on a busy 2-core machine)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+)(?:,col=\d+)?,title=(SF\d{3})::(.+)$")


def evaluate(expression: str, inputs: dict[str, str]) -> str | bool:
    """The expressions action.yml uses: `inputs.name` and `inputs.name == 'literal'` (GitHub compares strings
    ignoring case)."""
    found = re.fullmatch(r"inputs\.([\w-]+)(?:\s*==\s*'([^']*)')?", expression)
    assert found, f"action.yml uses an expression this test does not model: {expression}"
    value = inputs[found[1]]
    return value if found[2] is None else value.lower() == found[2].lower()


def substitute(text: str, inputs: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: str(evaluate(m[1], inputs)), str(text))


def runs(step: dict, inputs: dict[str, str]) -> bool:
    condition = str(step.get("if", "success()"))
    if condition == "success()":
        return True
    inner = EXPRESSION.fullmatch(condition.strip())
    return bool(evaluate(inner[1] if inner else condition, inputs))


class Runner:
    """The runner's side: a workspace, a PATH whose `python` is the job's, the action's inputs."""

    def __init__(self, workspace: Path, bin_dir: Path) -> None:
        self.workspace = workspace
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST"))}
        self.env.update(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", GITHUB_WORKSPACE=str(workspace), CI="true",
                        GITHUB_ACTION_PATH=str(ROOT))  # a composite action's steps see its own checkout there

    def inputs(self, given: dict[str, str]) -> dict[str, str]:
        declared = ACTION["inputs"]
        unknown = set(given) - set(declared)
        assert not unknown, f"not inputs of action.yml: {unknown}"
        missing = [name for name, spec in declared.items() if spec.get("required") and name not in given]
        assert not missing, f"required inputs missing: {missing}"
        return {name: str(given.get(name, spec.get("default", ""))) for name, spec in declared.items()}

    def step(self, step: dict, inputs: dict[str, str]) -> subprocess.CompletedProcess[str]:
        assert step.get("shell") == "bash", step
        env = dict(self.env, **{k: substitute(v, inputs) for k, v in (step.get("env") or {}).items()})
        cwd = self.workspace / substitute(step.get("working-directory", "."), inputs)
        with tempfile.TemporaryDirectory() as scripts:  # the runner writes each step's script to a file: {0}
            script = Path(scripts) / "step.sh"
            script.write_text(step["run"], encoding="utf-8")
            return subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
            )

    def run(self, given: dict[str, str], skip: tuple[str, ...] = ()) -> tuple[int, dict[str, str]]:
        """Every step in order until one fails (a composite action stops there): exit code, output per step name."""
        inputs, outputs = self.inputs(given), {}
        for step in ACTION["runs"]["steps"]:
            if "uses" in step or step.get("name") in skip or not runs(step, inputs):
                continue
            done = self.step(step, inputs)
            outputs[step["name"]] = done.stdout + done.stderr
            if done.returncode:
                return done.returncode, outputs
        return 0, outputs


def shared_site_packages(venv: Path) -> None:
    """Let a venv see the running environment's packages (a venv made from a venv sees only the base interpreter's)."""
    (site,) = (venv / "lib").glob("python3*/site-packages")
    paths = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    (site / "running-env.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def job_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The job's Python after the action's install step ran with `sdkforge-version` set to this checkout."""
    venv = tmp_path_factory.mktemp("job") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    shared_site_packages(venv)
    runner = Runner(tmp_path_factory.mktemp("workspace"), venv / "bin")
    (install,) = [s for s in ACTION["runs"]["steps"] if s.get("name") == "Install sdkforge"]
    done = runner.step(install, runner.inputs({"specs": "unused", "sdkforge-version": str(ROOT)}))
    assert done.returncode == 0, done.stdout + done.stderr
    where = subprocess.run([venv / "bin" / "python", "-c", "import generator; print(generator.__file__)"],
                           check=True, capture_output=True, text=True, cwd=venv, env=runner.env).stdout
    assert where.startswith(str(venv)), f"the job imports sdkforge from {where}, not from what the step installed"
    return venv / "bin"


@pytest.fixture
def runner(project, job_bin: Path) -> Runner:
    return Runner(project.path, job_bin)


def readme_inputs(readme_yaml) -> dict[str, str]:
    """The README's `with:` for the sdkforge step, exactly (its install, of this checkout, ran once in `job_bin`)."""
    (step,) = readme_yaml("uses: sdkforge/")
    assert step["uses"].startswith("sdkforge/sdkforge@"), step
    return step["with"]


def annotations(output: str, workspace: Path) -> list[tuple[str, str, int, str]]:
    """Every line of a --format github run, as the runner reads it: severity, file relative to the workspace (the
    runner makes an absolute path relative; a relative one is taken as relative already), line, rule id."""
    found = []
    for line in output.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not a workflow command with file and line: {line!r}"
        severity, file, number, rule, _ = match.groups()
        file = unquote(file)  # a property's %-escapes (%3A for ':', %2C for ',')
        found.append((severity, os.path.relpath(file, workspace) if os.path.isabs(file) else file, int(number), rule))
    return found


def test_valid_spec_and_fresh_sdk_pass(runner: Runner, readme_yaml) -> None:
    code, out = runner.run(readme_inputs(readme_yaml), skip=("Install sdkforge",))
    assert code == 0, out
    assert list(out) == ["sdkforge validate", "sdkforge check"]
    assert annotations(out["sdkforge validate"], runner.workspace) == []
    assert "up to date" in out["sdkforge check"]


def test_broken_spec_is_annotated_at_its_file_and_line(runner: Runner, project, readme_yaml) -> None:
    line = project.break_spec()
    code, out = runner.run(readme_inputs(readme_yaml), skip=("Install sdkforge",))
    assert code == 1, out
    assert list(out) == ["sdkforge validate"]  # check does not run after a failed step
    assert ("error", "specs/api.yaml", line, "SF002") in annotations(out["sdkforge validate"], runner.workspace)


def test_annotations_name_the_file_from_the_workspace_root(tmp_path: Path, make_project, job_bin: Path) -> None:
    """With `working-directory`, the runner still reads `file=` from the repository root."""
    project = make_project(tmp_path / "workspace" / "api")
    line = project.break_spec()
    runner = Runner(tmp_path / "workspace", job_bin)
    given = {"specs": "specs/*.yaml", "working-directory": "api", "sdkforge-version": str(ROOT)}
    code, out = runner.run(given, skip=("Install sdkforge",))
    assert code == 1, out
    assert ("error", "api/specs/api.yaml", line, "SF002") in annotations(out["sdkforge validate"], runner.workspace)


@pytest.mark.parametrize("specs", ["specs/*.json", "nowhere/**/*.yaml"])
def test_specs_matching_nothing_fail_clearly(runner: Runner, specs: str) -> None:
    code, out = runner.run({"specs": specs, "sdkforge-version": str(ROOT)}, skip=("Install sdkforge",))
    assert code == 2, out
    assert out["sdkforge validate"] == f"::error title=sdkforge::no spec files match '{specs}'\n"
    assert list(out) == ["sdkforge validate"]


@pytest.mark.parametrize(("version", "installs"), [
    ("", "/actions/sdkforge@v1"),  # the action's own checkout: the release the `uses:` ref names
    ("1.2.0", "sdkforge==1.2.0"),
    ("./vendor/sdkforge", "./vendor/sdkforge"),
    ("git+https://example.test/sdkforge@main", "git+https://example.test/sdkforge@main"),
])
def test_install_step_chooses_what_to_install(tmp_path: Path, version: str, installs: str) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python").write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    (fake / "python").chmod(0o755)
    runner = Runner(tmp_path, fake)
    runner.env["GITHUB_ACTION_PATH"] = "/actions/sdkforge@v1"  # set by the runner for a composite action's steps
    (install,) = [s for s in ACTION["runs"]["steps"] if s.get("name") == "Install sdkforge"]
    done = runner.step(install, runner.inputs({"specs": "unused", "sdkforge-version": version}))
    assert (done.returncode, done.stdout) == (0, f"-m pip install {installs}\n"), done.stderr


def test_warnings_fail_with_strict(runner: Runner, project, readme_yaml) -> None:
    line = project.warn_spec()
    code, out = runner.run(readme_inputs(readme_yaml), skip=("Install sdkforge",))
    assert code == 1, out
    assert annotations(out["sdkforge validate"], runner.workspace) == [("warning", "specs/api.yaml", line, "SF017")]


def test_a_named_spec_that_does_not_exist_fails_clearly(runner: Runner) -> None:
    given = {"specs": "specs/missing.yaml", "sdkforge-version": str(ROOT)}
    code, out = runner.run(given, skip=("Install sdkforge",))
    assert code == 2, out
    missing = runner.workspace / "specs" / "missing.yaml"
    assert out["sdkforge validate"].startswith(f"::error file={missing},title=SF000::no such file"), out


def test_stale_sdk_fails_the_check_step(runner: Runner, project, readme_yaml) -> None:
    project.change_spec()
    code, out = runner.run(readme_inputs(readme_yaml), skip=("Install sdkforge",))
    assert code == 1, out
    assert annotations(out["sdkforge validate"], runner.workspace) == []
    assert re.search(r"^stale: sdk/\S+", out["sdkforge check"], re.MULTILINE), out


def test_ruleset_ignore_file_and_report_format_inputs(runner: Runner, project, monkeypatch) -> None:
    """The adoption inputs: an ignore file accepts today's findings of the chosen rulesets (strict still on), the
    report goes to a file; with nothing accepted the warning fails again."""
    from generator.cli import main

    line = project.warn_spec()
    (project.path / "ci").mkdir()
    monkeypatch.chdir(project.path)
    adopt = ["validate", "--ruleset", "recommended", "--ruleset", "security", "--ignore-file", "ci/ignore.yaml"]
    assert main([*adopt, "--generate-ignore-file", "specs/api.yaml"]) == 0
    assert "unquoted-status-code" in (project.path / "ci" / "ignore.yaml").read_text(encoding="utf-8") or \
        "SF017" in (project.path / "ci" / "ignore.yaml").read_text(encoding="utf-8")
    given = {"specs": "specs/*.yaml", "sdkforge-version": str(ROOT), "ruleset": "recommended,security",
             "ignore-file": "ci/ignore.yaml", "format": "junit", "output-file": "validate.xml", "check": "false"}
    code, out = runner.run(given, skip=("Install sdkforge",))
    assert code == 0, out
    report = (project.path / "validate.xml").read_text(encoding="utf-8")
    assert '<testsuite name="' in report and 'name="valid"' in report and "SF017" not in report
    (project.path / "ci" / "ignore.yaml").write_text("{}\n", encoding="utf-8")  # nothing accepted: the warning fails
    code, out = runner.run(dict(given, ruleset="sdk", format="github", **{"output-file": ""}),
                           skip=("Install sdkforge",))
    assert code == 1, out
    assert annotations(out["sdkforge validate"], runner.workspace) == [("warning", "specs/api.yaml", line, "SF017")]
