"""model.Api + target configuration -> PyApi, the plan the Python templates read.

Every Python decision is made here and in the modules it calls: names and their collisions (in the order the parse
met the schemas and operations), annotations, import lines, signatures, literals, docstrings and test calls.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator import model
from generator.config import Target
from generator.targets.python import naming
from generator.targets.python.auth import auth
from generator.targets.python.cycles import break_import_cycles, check_import_chain
from generator.targets.python.docs import docstring, one_line
from generator.targets.python.models import ModelPlanner
from generator.targets.python.names import name_all
from generator.targets.python.operations import OperationPlanner
from generator.targets.python.resources import resources
from generator.targets.python.shapes import PyApi


def plan(api: model.Api, target: Target, *, source: str = "") -> PyApi:
    source = source or target.spec
    names = name_all(api, target)
    models = ModelPlanner(api, names.schemas, names.wire, target.package)
    py_models = tuple(sorted((models.model(s) for s in api.schemas), key=lambda m: m.module))
    by_name = {m.py_name: m for m in py_models}
    operations = OperationPlanner(models, target, source, names.operations)
    ops = [operations.operation(i, op) for i, op in enumerate(api.operations)]
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
    )
    if not target.mcp:
        return py
    from generator.targets.python.mcp.plan import plan_mcp

    return replace(py, mcp=plan_mcp(api, py))


def _pep440(version: str) -> str:
    return version if re.fullmatch(r"\d+(\.\d+)*([ab]|rc)?\d*", version or "") else "0.0.0"
