"""Operation names (generator/targets/operation_names.py): one rule per fixture spec, the same in both targets, and
stable: adding an operation to a spec renames no existing method (``sdkforge diff`` reports no rename)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.changelog import load_side
from generator.config import Target
from generator.diff import diff_apis
from generator.targets.typescript.plan import plan as ts_plan

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "tests" / "fixtures" / "specs" / "naming"
CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus"))

# fixture -> {(http method, path key): (Python name, TypeScript name)}
EXPECTED: dict[str, dict[tuple[str, str], tuple[str, str]]] = {
    "path_derived": {
        ("get", "/"): ("default.list", "default.list"),
        ("get", "/api/users/me"): ("users.me", "users.me"),
        ("get", "/posts/{id}.json"): ("posts.retrieve", "posts.retrieve"),
        ("get", "/v1/domains"): ("domains.list", "domains.list"),
        ("post", "/v1/domains"): ("domains.create", "domains.create"),
        ("post", "/v1/domains/claim"): ("domains.claim", "domains.claim"),
        ("get", "/v1/domains/{id}"): ("domains.retrieve", "domains.retrieve"),
        ("put", "/v1/domains/{id}"): ("domains.update", "domains.update"),
        ("delete", "/v1/domains/{id}"): ("domains.delete", "domains.delete"),
        ("patch", "/v1/domains/{id}"): ("domains.patch", "domains.patch"),
        ("get", "/v1/domains/{id}/records"): ("domains.records", "domains.records"),
        ("post", "/v1/domains/{id}/records"): ("domains.create_records", "domains.createRecords"),
        ("delete", "/v1/domains/{id}/records"): ("domains.delete_records", "domains.deleteRecords"),
        ("get", "/v1/domains/{id}/records/{record_id}"): ("domains.retrieve_records", "domains.retrieveRecords"),
        ("post", "/v1/domains/{id}/verify"): ("domains.verify", "domains.verify"),
    },
    "operation_ids": {
        ("get", "/categories"): ("categories.list", "categories.list"),
        ("get", "/categories/{id}"): ("categories.retrieve", "categories.retrieve"),
        ("delete", "/categories/{id}"): ("categories.archive", "categories.archive"),
        ("post", "/emails"): ("emails.send", "emails.send"),
        ("get", "/v1/application"): ("application.list", "application.list"),
        ("post", "/v1/application"): ("application.create", "application.create"),
        ("post", "/v2/keys.createKey"): ("keys.create_key", "keys.createKey"),
    },
    "extensions": {
        ("post", "/v1/agents/tasks"): ("agent_tasks.create", "agentTasks.create"),
        ("get", "/v1/me/billing/subscription"): ("billing.get_user_main_subscription", "billing.getUserMainSubscription"),
        ("get", "/v1/odd"): ("odd.list", "odd.list"),
        ("get", "/v1/users"): ("users.list", "users.list"),
        ("post", "/v1/users"): ("admin_users.create", "adminUsers.create"),
        ("post", "/v1/videos/{id}/remix"): ("videos.remix", "videos.remix"),
    },
    "collisions": {
        ("put", "/_bulk"): ("bulk.update", "bulk.update"),
        ("post", "/_bulk"): ("bulk.create", "bulk.create"),
        ("get", "/api/v1/cluster-info"): ("service.get_cluster_info_api_v1", "service.getClusterInfoApiV1"),
        ("get", "/cluster-info"): ("service.get_cluster_info", "service.getClusterInfo"),
        ("get", "/things/by-name/{a}"): ("things.find", "things.find"),
        ("get", "/things/by_name/{a}"): ("things.find_things_by_name", "things.findThingsByName"),
        ("put", "/things/{id}"): ("things.update", "things.update"),
        ("patch", "/things/{id}"): ("things.patch", "things.patch"),
        ("get", "/things/{id}/records"): ("things.list_records", "things.listRecords"),
        ("post", "/things/{id}/records/list"): ("things.records", "things.records"),
    },
}


def _names(spec: Path) -> dict[tuple[str, str], tuple[str, str]]:
    side = load_side(spec)
    target = Target(spec=str(spec), output="unused", package="sdk", language="typescript")
    ts = {(op.http, op.wire_path): f"{r.name}.{op.method}" for r in ts_plan(side.api, target).resources
          for op in r.operations}
    return {(op.http_method, op.path_key): (side.surface.operation(i), ts[(op.http_method, op.path)])
            for i, op in enumerate(side.api.operations)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_rule_names_operations_the_same_in_both_targets(name: str) -> None:
    assert _names(SPECS / f"{name}.yaml") == EXPECTED[name]


def test_an_extension_that_is_not_a_name_is_a_located_warning() -> None:
    warnings = load_side(SPECS / "extensions.yaml").api.warnings
    assert "/paths/~1v1~1odd/get/x-fern-sdk-method-name: not a name (a non-empty string): ignored" in warnings
    assert "/paths/~1v1~1odd/get/x-speakeasy-group: not a name (a non-empty string): ignored" in warnings


def _renames(tmp_path: Path, spec: dict[str, Any], added: dict[str, Any]) -> list[str]:
    """The method renames and removals ``sdkforge diff`` reports once ``added`` path items join ``spec``."""
    new = copy.deepcopy(spec)
    for path, item in added.items():
        new["paths"].setdefault(path, {}).update(item)
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(new), encoding="utf-8")
    changes = diff_apis(load_side(tmp_path / "old.yaml"), load_side(tmp_path / "new.yaml"))
    assert any(c.kind == "method_added" for c in changes), changes
    return [f"{c.kind} {c.where}" for c in changes if c.kind in ("method_renamed", "method_removed")]


OK = {"responses": {"200": {"description": "ok"}}}


def test_adding_operations_to_a_fixture_renames_none(tmp_path: Path) -> None:
    spec = yaml.safe_load((SPECS / "path_derived.yaml").read_text(encoding="utf-8"))
    added = {"/v1/domains/transfer": {"post": OK}, "/v1/domains/{id}/status": {"get": OK, "post": OK},
             "/v1/domains/{id}/records/{record_id}": {"delete": OK, "patch": OK}, "/v1/zones": {"get": OK}}
    assert _renames(tmp_path, spec, added) == []


# corpus entry -> operations added (a POST beside the existing ones is what used to renumber ``create2``)
CORPUS_ADDITIONS = {
    "readme-polymorphism/polymorphism.json": {"/anything/another-one-of": {"post": OK}, "/anything/zz": {"post": OK}},
    "readme-security/security.yaml": {"/anything/apiKey/rotate": {"post": OK}, "/anything/basic": {"get": OK}},
    "swagger-petstore3/openapi.yaml": {"/pet/{petId}/archive": {"post": {"tags": ["pet"], **OK}},
                                       "/store/inventory/refresh": {"post": {"tags": ["store"], **OK}}},
}


@pytest.mark.parametrize("entry", sorted(CORPUS_ADDITIONS))
def test_adding_operations_to_a_corpus_spec_renames_none(entry: str, tmp_path: Path) -> None:
    source = CORPUS / entry
    if not source.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{source} is missing (the corpus is required under CI)")
        pytest.skip(f"{source} is missing")
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert _renames(tmp_path, spec, CORPUS_ADDITIONS[entry]) == []
