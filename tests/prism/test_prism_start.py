"""Specs Prism 5 does not start on as written, and the copy it starts on.

An example holding a ``$ref`` that leads nowhere (``example_refs.yaml``): Prism resolves every reference, example data
too, and exits. References Prism unfolds into a tree too large to read in time (``unfolding.yaml``; the test lowers
the budget so that Prism stays quick): Prism's own dereferencing and ``decycle`` count the tree of the spec and of
the copy. On the corpus (a busy 2-core machine), Prism started on okta's copy in 18 s (it exited on an example
before), on opensearch-core's in 9 s (144 s before), on argo-workflows' in 11 s (80 s before) and on
docusign-esign's in 14 s (its first ``decycle`` alone took 201 s before).
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from types import ModuleType

import pytest

from generator.load.document import load_spec
from generator.targets.mock_spec import mock_spec_text, unfolding

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
# Prism's tree of a spec: the dereferencing and decycle it starts with (@stainless-api/prism-http's operations.js),
# resolved from Prism's own package; prints the mappings and lists of the tree
TREE = """
const { createRequire } = require('node:module');
const need = createRequire(require.resolve('@stainless-api/prism-cli/package.json', { paths: [process.argv[1]] }));
const $RefParser = need('@stoplight/json-schema-ref-parser');
const { decycle } = need('@stoplight/json');
const count = (n) => (n && typeof n === 'object' ? 1 + Object.values(n).reduce((s, v) => s + count(v), 0) : 0);
new $RefParser().dereference(process.argv[2]).then((doc) => console.log(count(decycle(doc))));
"""


def _copy(tmp_path: Path, spec: Path) -> Path:
    copy = tmp_path / spec.name
    copy.write_text(mock_spec_text(load_spec(spec)), encoding="utf-8")
    return copy


def _prism_starts(spec: Path, log: Path) -> tuple[bool, str]:
    """Whether Prism serves ``spec`` (it answers on its port) or exits first, and its log (written to ``log``)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log.open("wb") as out:
        process = subprocess.Popen([str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), str(spec)],
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120  # a limit, not a measurement: both answers come within seconds
        while process.poll() is None and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return True, log.read_text(errors="replace")
            except OSError:
                time.sleep(0.1)
        return False, log.read_text(errors="replace")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.usefixtures("prism_all")  # Prism installed
def test_an_example_whose_ref_leads_nowhere_is_left_out(tmp_path: Path) -> None:
    spec = HERE / "example_refs.yaml"
    copy = json.loads(_copy(tmp_path, spec).read_text(encoding="utf-8"))
    media = copy["paths"]["/schemas/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["examples"] == {"plain": {"$ref": "#/components/examples/Plain"}}  # shared: its target is left out
    assert list(copy["components"]["examples"]) == ["Plain"]
    assert "example" not in copy["components"]["schemas"]["Document"]
    started, log = _prism_starts(spec, tmp_path / "spec.log")
    assert not started and '"#/definitions/' in log and "does not exist" in log, log[-2000:]
    started, log = _prism_starts(tmp_path / spec.name, tmp_path / "copy.log")
    assert started, log[-2000:]


def test_a_tree_within_the_budget_leaves_the_copy_as_written() -> None:
    doc = load_spec(HERE / "unfolding.yaml")
    assert mock_spec_text(doc) == doc.text  # about 40,000 nodes: far below the budget


def test_references_prism_would_unfold_past_the_budget_stand_in_for_their_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prism_all: ModuleType
) -> None:
    monkeypatch.setattr(unfolding, "BUDGET", 20_000)
    spec = HERE / "unfolding.yaml"
    copy_path = _copy(tmp_path, spec)
    schemas = json.loads(copy_path.read_text(encoding="utf-8"))["components"]["schemas"]
    # the six filters hold each other: the references closing a cycle stand in, so a path reaches each filter once
    assert {name: sorted(k for k, v in s["properties"].items() if "$ref" in v) for name, s in schemas.items()
            if name in ("And", "Or", "Field")} == {"And": ["field", "near", "not", "or", "within"],
                                                   "Or": ["field", "near", "not", "within"], "Field": []}
    assert schemas["Field"]["properties"]["and"] == {
        "type": "object", "description": "sdkforge: stands in for #/components/schemas/And"}
    # then the schema weighing most in the tree, times reached by size (a Row: 16 times in a Report, 4 x 4 values)
    assert schemas["Block"]["properties"]["row0"] == {
        "type": "object", "description": "sdkforge: stands in for #/components/schemas/Row"}
    assert schemas["Section"]["properties"]["block0"] == {"$ref": "#/components/schemas/Block"}
    tree = [int(subprocess.run(["node", "-e", TREE, str(ROOT), str(path)], capture_output=True, text=True,
                               check=True).stdout) for path in (spec, copy_path)]
    assert tree[0] > unfolding.BUDGET >= tree[1], tree
    python = prism_all.python_prism(spec, tmp_path / "sdk")  # the SDK's calls pass Prism's checks of the stand-ins
    assert (python.passed, python.failed, python.broken) == (12, 0, ""), python.broken
