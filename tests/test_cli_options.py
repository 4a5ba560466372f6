"""Command-line options checked as configuration is: generate's defaults (package from the title, --language) and
every invalid value a usage error (exit 2) naming the option, the rule and a value that passes; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli.exit_codes import EXIT_OK, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[1]
SPEC = str(ROOT / "specs" / "openai-videos.yaml")
RULE = "not a lowercase Python identifier"


def test_generate_without_package_name_takes_it_from_the_title(tmp_path: Path) -> None:
    assert main(["generate", SPEC, "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    assert (tmp_path / "out" / "open_ai_videos_api" / "_client.py").is_file()  # info.title: OpenAI Videos API


def test_generate_language_typescript_from_the_command_line(tmp_path: Path) -> None:
    assert main(["generate", SPEC, "-o", str(tmp_path / "ts"), "--language", "typescript", "-q"]) == EXIT_OK
    assert json.loads((tmp_path / "ts" / "package.json").read_text())["name"] == "open-ai-videos-api"
    assert (tmp_path / "ts" / "src" / "client.ts").is_file() and not list(tmp_path.glob("ts/**/*.py"))


@pytest.mark.parametrize(("value", "suggested"), [("Azure_Sql", "azure_sql"), ("my-api", "my_api"),
                                                  ("9lives", "n_9lives"), ("AzureSql", "azure_sql")])
def test_invalid_package_name_is_a_usage_error_with_a_suggestion(value: str, suggested: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generate", SPEC, "-o", str(tmp_path / "out"), "--package-name", value])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert f"--package-name {value!r}: {RULE}" in err and f"try {suggested!r}" in err
    assert "internal error" not in err and "Traceback" not in err and not (tmp_path / "out").exists()


def test_init_refuses_an_invalid_package_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", SPEC, "--package-name", "Azure_Sql"]) == EXIT_USAGE
    assert "try 'azure_sql'" in capsys.readouterr().err and not (tmp_path / "pyproject.toml").exists()


def test_config_key_with_the_wrong_spelling_suggests_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[[tool.sdkforge.targets]]\nspec = {json.dumps(SPEC)}\noutput = "o"\npackage = "Azure_Sql"\n')
    assert main(["generate"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "pyproject.toml:4: tool.sdkforge.targets[0].package:" in err and "try 'azure_sql'" in err


@pytest.mark.parametrize("argv", [["generate", "--package-name", "x"], ["generate", "--language", "typescript"],
                                  ["generate", SPEC]])
def test_options_that_need_a_spec_or_an_output_are_usage_errors(argv: list[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f'[[tool.sdkforge.targets]]\nspec = {json.dumps(SPEC)}\noutput = "o"\n'
                                             'package = "p"\n')
    assert main(argv) == EXIT_USAGE
    assert not (tmp_path / "o").exists()
