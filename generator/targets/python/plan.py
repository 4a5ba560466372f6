"""model.Api + target configuration -> PyApi, the plan the Python templates read.

Every Python decision is made here and in the modules it calls: names and their collisions (in the order the parse
met the schemas and operations), annotations, import lines, signatures, literals, docstrings and test calls.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator import model
from generator.config import Target
from generator.targets.operation_names import naming_inputs as operation_naming
from generator.targets.python import naming
from generator.targets.python.auth import auth
from generator.targets.python.cycles import break_import_cycles, check_import_chain
from generator.targets.python.docs import docstring, one_line
from generator.targets.python.models import ModelPlanner
from generator.targets.python.names import Names, name_all
from generator.targets.python.names import naming_inputs as schema_naming
from generator.targets.python.operations import OperationPlanner
from generator.targets.python.resources import resources
from generator.targets.python.shapes import PyApi, PyModel, PyOperation


def plan(api: model.Api, target: Target, *, source: str = "", last: Planned | None = None) -> PyApi:
    """``last``: the last model's schemas and operations and what ``planned`` kept of its plan (``last_plan``),
    reused where nothing a part is planned from changed."""
    source = source or target.spec
    names = _names(api, target, last)
    changed = _changed(api, names, last)
    models = ModelPlanner(api, names.schemas, names.wire, target.package)
    schema_models = _models(api, models, last, changed)
    py_models = tuple(sorted(schema_models, key=lambda m: m.module))
    by_name = {m.py_name: m for m in py_models}
    ops = _operations(api, OperationPlanner(models, target, source, names.operations), last, changed)
    client = target.client_class or naming.class_name(target.package)
    grouped = resources(ops, target, source, names.class_names, client, by_name)
    py_models = break_import_cycles(py_models)
    check_import_chain(py_models, source)
    prefix = naming.env_prefix(client)
    base_url_env = target.base_url_env or f"{prefix}_BASE_URL"
    log_env = target.log_env or f"{prefix}_LOG"
    base_url = target.base_url or (api.base_url if api.base_url is not None else "http://localhost")
    py = PyApi(
        title=one_line(api.title),
        description=docstring(api.description),
        version=target.version or _pep440(api.version),
        spec_version=one_line(api.version),
        distribution=target.distribution or target.package.replace("_", "-"),
        package=target.package,
        client_class=client,
        async_client_class="Async" + client,
        error_base=client + "Error",
        base_url=base_url,
        base_url_env=base_url_env,
        log_env=log_env,
        auth=auth(api.security, prefix, target.api_key_env or f"{prefix}_API_KEY", (base_url_env, log_env)),
        sync=target.mode in ("both", "sync"),
        async_=target.mode in ("both", "async"),
        resources=grouped,
        models=py_models,
        client_names=tuple(sorted(([client] if target.mode != "async" else []) + (["Async" + client] if target.mode != "sync" else []))),
        warnings=api.warnings,
        names=names,
        parts=(schema_models, tuple(ops)),
    )
    if not target.mcp:
        return py
    from generator.targets.python.mcp.plan import plan_mcp

    return replace(py, mcp=plan_mcp(api, py))


# what a plan keeps for the next one: the names, each schema's model and each operation's plan
Kept = tuple[Names, tuple[PyModel, ...], tuple[PyOperation, ...]]
# what the next plan is given: the last model's schemas and operations, and what its plan kept
Planned = tuple[tuple[model.Schema, ...], tuple[model.Operation, ...], Kept]


def planned(py: PyApi) -> tuple[int, list[Any]] | None:
    """What the next plan of this target may reuse (see ``_names``, ``_models``, ``_operations``), as parts to keep
    one by one (the names, each model, each operation's plan) and the number of models."""
    if py.names is None:
        return None
    models, operations = py.parts
    return len(models), [py.names, *models, *operations]


def last_plan(given: Any) -> Planned | None:
    """``plan``'s ``last`` from what the pipeline gives: the last model's schemas and operations, and the head and
    parts ``planned`` made (None when they are not such)."""
    if given is None:
        return None
    schemas, operations, count, parts = given
    whole = isinstance(count, int) and len(parts) == 1 + count + len(operations)
    if not whole or not isinstance(parts[0], Names):
        return None
    return schemas, operations, (parts[0], tuple(parts[1:1 + count]), tuple(parts[1 + count:]))


def _names(api: model.Api, target: Target, last: Planned | None) -> Names:
    """The names of the schemas and operations: those of the last plan when every schema and operation is the same
    in what their names come from."""
    if last is not None:
        schemas, operations, (names, _models, _operations) = last
        if len(schemas) == len(api.schemas) and len(operations) == len(api.operations) and all(
            new is old or schema_naming(new) == schema_naming(old) for new, old in zip(api.schemas, schemas)
        ) and all(new is old or operation_naming(new) == operation_naming(old)
                  for new, old in zip(api.operations, operations)):
            return names
    return name_all(api, target)


def _changed(api: model.Api, names: Names, last: Planned | None) -> set[int] | None:
    """The ids of the schemas that are not as the last plan had them; None when none of its parts can be reused:
    other names, or a schema changed in kind or in what it aliases (which the plans of others read)."""
    if last is None or last[2][0] is not names:
        return None
    schemas = last[0]
    changed = {i for i, (new, old) in enumerate(zip(api.schemas, schemas)) if new is not old and new != old}
    same = all((api.schemas[i].kind, api.schemas[i].alias_of) == (schemas[i].kind, schemas[i].alias_of)
               for i in changed)
    return changed if same else None


def _models(api: model.Api, planner: ModelPlanner, last: Planned | None, changed: set[int] | None,
            ) -> tuple[PyModel, ...]:
    """Each schema's model, in id order: planned from its schema, the names, and the kinds and aliases of the
    schemas it refers to; the last plan's where its schema did not change."""
    if last is None or changed is None:
        return tuple(planner.model(s) for s in api.schemas)
    _names, models, _operations = last[2]
    return tuple(planner.model(api.schemas[i]) if i in changed else m for i, m in enumerate(models))


def _operations(api: model.Api, planner: OperationPlanner, last: Planned | None, changed: set[int] | None,
                ) -> list[PyOperation]:
    """Each operation's plan: from the operation, the names, the kinds and aliases of the schemas it refers to, and
    the properties of its response's schema (pagination reads them); the last plan's where none of those changed."""
    if last is None or changed is None:
        return [planner.operation(i, op) for i, op in enumerate(api.operations)]
    _schemas, operations, (_names, _models, plans) = last
    return [old if (op is was or op == was) and _response_id(op) not in changed else planner.operation(i, op)
            for i, (op, was, old) in enumerate(zip(api.operations, operations, plans))]


def _response_id(op: model.Operation) -> int | None:
    return op.response.type.id if isinstance(op.response.type, model.Ref) else None


def _pep440(version: str) -> str:
    return version if re.fullmatch(r"\d+(\.\d+)*([ab]|rc)?\d*", version or "") else "0.0.0"
