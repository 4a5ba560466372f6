"""model.Api + target configuration -> TsApi: every TypeScript name decided, in the order the parse met things."""

from __future__ import annotations

import re
from dataclasses import replace

from generator import model
from generator.config import Target
from generator.targets.operation_names import operation_names
from generator.targets.typescript import naming
from generator.targets.typescript.auth import plan_auth
from generator.targets.typescript.operations import OperationPlanner
from generator.targets.typescript.polling import polling
from generator.targets.typescript.shapes import TsApi, TsOperation, TsResource
from generator.targets.typescript.types import TypeNames, declaration


def plan(api: model.Api, target: Target, *, source: str = "") -> TsApi:
    client = target.client_class or naming.pascal(target.package)
    taken = {client}
    configured = operation_names(api.operations, target)
    names = _method_names(configured)
    classes = {attr: naming.unique(naming.type_name(attr), taken) for attr in sorted({a for a, _ in names})}
    types = TypeNames(api, target, names, taken)
    planner = OperationPlanner(api, target, types, taken)
    prefix = naming.env_prefix(client)
    auth = plan_auth(api.security, prefix, api_key_env := target.api_key_env or f"{prefix}_API_KEY")
    grouped: dict[str, list[TsOperation]] = {}
    for op, (attr, method), (resource, wire_method) in zip(api.operations, names, configured):
        planned = planner.operation(op, attr, method, f"{resource}.{wire_method}")
        grouped.setdefault(attr, []).append(replace(planned, security=auth.keyed(op.security)))
    files: set[str] = set()
    resources = tuple(
        TsResource(name=attr, file=naming.unique(naming.snake(attr).replace("_", "-"), files, fold_case=True),
                   class_name=classes[attr], operations=tuple(ops),
                   polling=polling(target, source, naming.snake(attr), ops))
        for attr, ops in sorted(grouped.items())
    )
    declarations: list[str] = []
    types.used.clear()
    for schema in api.schemas:
        declarations += [""] + declaration(schema, types)
    return TsApi(
        title=api.title,
        description=api.description,
        package=target.distribution or target.package.replace("_", "-"),
        version=target.version or (api.version if _semver(api.version) else "0.0.0"),
        client_class=client,
        base_url=target.base_url or (api.base_url if api.base_url is not None else "http://localhost"),
        api_key_env=api_key_env,
        base_url_env=target.base_url_env or f"{prefix}_BASE_URL",
        log_env=target.log_env or f"{prefix}_LOG",
        auth=auth,
        options_type=naming.unique(client + "Options", taken) if auth.extra_options else "ClientOptions",
        resources=resources,
        declarations=tuple(declarations),
        type_names=tuple(types.names),
        uploads_in_types="Uploadable" in types.used,
        warnings=api.warnings,
    )


def _method_names(configured: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(client property, method) of each operation; a method name taken in its resource gets a suffix."""
    methods: dict[str, set[str]] = {}
    names = []
    for resource, method in configured:
        attr = naming.resource_name(resource)
        names.append((attr, naming.unique(naming.method_name(method), methods.setdefault(attr, set()))))
    return names


def _semver(version: str) -> bool:
    return re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?", version or "") is not None
