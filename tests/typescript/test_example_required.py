"""The TypeScript SDK's generated calls send the first of a body's anyOf sets of required names, as the Python SDK's
do (unkey's createDeployment: Prism answered 422 to the TypeScript call only), and every item of a list example
(lob's bankAccounts.verify sent one of the two items minItems asks for: 422); an optional body sent for its anyOf
choice carries its required fields too (intercom's dataAttributes.create sent only `options`: 400)."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.pipeline import build_target

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "parse" / "required_sets.yaml"


def test_typescript_example_calls_send_a_required_set(tmp_path: Path) -> None:
    files = build_target(Target(spec=str(SPEC), output=str(tmp_path), package="sets", language="typescript"), ROOT).files
    prism = files["tests/prism.test.ts"]
    case = prism[prism.index("'addresses.create'"):]
    case = case[: case.index("});")]
    assert "line1: 'string'" in case and "name: 'string'" in case, case
    assert "company" not in case


def test_typescript_example_lists_keep_every_item(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "parse" / "example_constraints.yaml"
    files = build_target(Target(spec=str(spec), output=str(tmp_path), package="exc", language="typescript"), ROOT).files
    prism = files["tests/prism.test.ts"]
    case = prism[prism.index("'verify.create'"):]
    assert "amounts: [1, 1]" in case[: case.index("});")], case


def test_an_optional_body_sent_for_its_choice_carries_its_required_fields(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "parse" / "partial_variants.yaml"
    files = build_target(Target(spec=str(spec), output=str(tmp_path), package="pv", language="typescript"), ROOT).files
    prism = files["tests/prism.test.ts"]
    case = prism[prism.index("'attributes.replace'"):]
    case = case[: case.index("});")]
    assert "name: 'string'" in case and "data_type: 'options'" in case and "options: [" in case, case
    in_process = files["tests/attributes.test.ts"]
    case = in_process[in_process.index("'replace: required arguments'"):]
    case = case[: case.index("});")]
    assert "const params" in case and "body ?? null, null" not in case, case  # the body is sent, not left out
