"""What Prism 5 answers or reads otherwise than the SDK, in the copy and in the generated tests.

``answers.yaml``: a response example of another kind than its schema (an array for an object, okta) is what Prism
answers, and the SDK refuses it; the copy leaves it out. ``text_bodies.yaml``: Prism parses JSON and forms only and
checks any other request body, as a string, against its schema (opensearch's ndjson bulk lines, 422); the copy checks
it as a string. A GET's body is optional in the copy (fetch sends none) where it is a shared component too. A named
schema of any value (opensearch's ``TDocument``) may come back as no body at all: its Python
test checks only that the call succeeds. Measured with the copy as before: Python 4 of 8 Prism tests failed on
``answers.yaml``, 12 of 20 on ``text_bodies.yaml`` (TypeScript 3 of 5: the ndjson and XML bodies, the GET); now none.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from generator.config import Target
from generator.pipeline import build_target

HERE = Path(__file__).resolve().parent


def _files(tmp_path: Path, name: str) -> dict[str, str]:
    return build_target(Target(spec=str(HERE / name), output=str(tmp_path), package="fx"), HERE.parents[1]).files


def test_response_examples_of_another_kind_are_left_out(tmp_path: Path, prism_all: ModuleType) -> None:
    copy = json.loads(_files(tmp_path, "answers.yaml")["tests/openapi.yaml"])
    claim = copy["paths"]["/claims/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert list(claim["examples"]) == ["single"]  # the shared list example is an array: not a Claim
    assert "example" not in copy["paths"]["/claims"]["get"]["responses"]["200"]["content"]["application/json"]
    python = prism_all.python_prism(HERE / "answers.yaml", tmp_path / "prism")
    assert (python.passed, python.failed, python.broken) == (8, 0, ""), python.broken


def test_bodies_prism_reads_as_text_are_checked_as_strings(tmp_path: Path, prism_all: ModuleType) -> None:
    files = _files(tmp_path, "text_bodies.yaml")
    paths = json.loads(files["tests/openapi.yaml"])["paths"]
    assert paths["/bulk"]["post"]["requestBody"]["content"] == {"application/x-ndjson": {"schema": {"type": "string"}}}
    assert paths["/notes"]["put"]["requestBody"]["content"] == {"application/xml": {"schema": {"type": "string"}}}
    assert json.loads(files["tests/openapi.yaml"])["components"]["requestBodies"]["Mget"]["required"] is False
    documents = files["tests/test_documents.py"]
    assert "# Prism may answer null, which the spec allows: the call succeeding is the check" in documents
    typescript = prism_all.typescript_prism(HERE / "text_bodies.yaml", tmp_path / "prism")  # sends all three
    assert (typescript.passed, typescript.failed, typescript.broken) == (5, 0, ""), typescript.broken


def test_a_response_too_large_to_sample_whose_example_is_too_long_gets_the_least_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prism_all: ModuleType
) -> None:
    """docusign-esign: 30 responses past Prism's sampling budget whose full examples run to 660,003 characters each
    (Prism answered 500 "the schema is too complex to generate"); ``least.yaml``'s is 67,586 characters."""
    from generator.targets.mock_spec import samples

    monkeypatch.setattr(samples, "LARGEST", 10_000)
    copy = json.loads(_files(tmp_path, "least.yaml")["tests/openapi.yaml"])
    report = copy["paths"]["/reports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert report["example"] == {"id": "string"}
    python = prism_all.python_prism(HERE / "least.yaml", tmp_path / "prism")
    assert (python.passed, python.failed, python.broken) == (4, 0, ""), python.broken
