"""A project's templates and hooks on a TypeScript target: ``<path>.jinja`` replaces or adds a file (with the plan and
the generated text in its context), a misspelt name is an error, and the post-generation hooks run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli.exit_codes import EXIT_OK, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def _project(tmp_path: Path, templates: dict[str, str], hooks: tuple[str, ...] = ()) -> Path:
    folder = tmp_path / "sdk-templates"
    for name, text in templates.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[[tool.sdkforge.targets]]\n"
        f"spec = {json.dumps(str(SPEC))}\noutput = \"out\"\nlanguage = \"typescript\"\npackage = \"vids\"\n"
        f'templates = "sdk-templates"\nhooks = {json.dumps(list(hooks))}\n', encoding="utf-8")
    return tmp_path / "out"


def test_templates_wrap_a_generated_file_and_add_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _project(tmp_path, {
        "README.md.jinja": "{{ generated }}\n## Support\n\nAsk {{ ts.client_class }}'s team.\n",
        "src/resource-names.ts.jinja": "export const RESOURCES = [{% for r in ts.resources %}'{{ r.name }}'"
                                       "{% if not loop.last %}, {% endif %}{% endfor %}];\n"
                                       "export const OPERATIONS = {{ api.operations | length }};\n",
    }, hooks=("echo done > hooked.txt",))
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "-q"]) == EXIT_OK
    readme = (out / "README.md").read_text()
    assert readme.startswith("# ") and "client.videos" in readme and readme.endswith("Ask Vids's team.\n")
    assert (out / "src" / "resource-names.ts").read_text() == "export const RESOURCES = ['videos'];\n" \
        "export const OPERATIONS = 7;\n"
    assert (out / "hooked.txt").read_text() == "done\n"  # the hook ran in the output folder
    manifest = json.loads((out / ".sdkforge-manifest.json").read_text())
    assert "src/resource-names.ts" in json.dumps(manifest)  # a file we generated: regeneration owns it


def test_a_misspelt_template_name_fails_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = _project(tmp_path, {"README.md.jinja": "# SDK\n\n{{ ts.client_clas }}\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "-q"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "sdk-templates/README.md.jinja:3: template error:" in err and "client_clas" in err
    assert "internal error" not in err and not out.exists()
