"""Paths and operations (SF010-SF017): operationIds, path parameters, duplicate parameters, response codes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.kinds import METHODS
from generator.validate.headers import check_response_headers
from generator.validate.lenient_refs import resolved_operation, resolved_path_item
from generator.validate.names import check_operation_name
from generator.validate.security import check_security, scheme_names

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

_STATUS_RE = re.compile(r"^(?:[1-5][0-9][0-9]|[1-5]XX)$")
_SUCCESS_RE = re.compile(r"^(?:[23][0-9][0-9]|[23]XX|default)$")
_TEMPLATE_RE = re.compile(r"\{([^{}/]+)\}")

Params = dict[tuple[str, str], tuple[str, dict[str, Any], "DocChecker"]]  # (name, in) -> (pointer, parameter, its file)


class _Operations:
    """What one pass over the operations remembers: operationIds and method names taken, the security schemes."""

    def __init__(self, checker: DocChecker) -> None:
        self.checker = checker
        self.schemes = scheme_names(checker.doc.data)
        self.op_ids: dict[str, str] = {}  # operationId -> the operation's pointer
        self.op_methods: dict[str, str] = {}  # method name -> operationId (SF052)


def check_operations(checker: DocChecker) -> None:
    """Security requirements and every path item (SF010-SF017, SF040, SF052)."""
    data = checker.doc.data
    seen = _Operations(checker)
    check_security(checker, data.get("security"), "/security", seen.schemes)
    for section in ("paths", "webhooks"):
        paths = data.get(section)
        if not isinstance(paths, dict):
            continue
        for path, item in paths.items():
            ptr = pointer.child(f"/{section}", path)
            item_checker = checker
            if isinstance(item, dict) and "$ref" in item:  # a path item in another file (or a component)
                item_checker, item, ptr = resolved_path_item(checker, item, ptr)
            if isinstance(item, dict):
                _check_path_item(seen, item_checker, str(path), item, ptr, section == "paths")


def _check_path_item(seen: _Operations, checker: DocChecker, path: str, item: dict[str, Any], ptr: str,
                     is_path: bool) -> None:
    template = set(_TEMPLATE_RE.findall(path)) if is_path else set()
    shared = _params(checker, item.get("parameters"), pointer.child(ptr, "parameters"))
    for method in METHODS:
        op = item.get(method)
        op_checker, optr = checker, pointer.child(ptr, method)
        if isinstance(op, dict) and "$ref" in op:  # not OpenAPI, but clear (SF071)
            op_checker, op, optr = resolved_operation(checker, method, op, optr)
        if isinstance(op, dict):
            _check_operation(seen, op_checker, path, method, op, optr, shared, template if is_path else None)
    if is_path and template and not any(isinstance(item.get(m), dict) for m in METHODS):
        # path-level declarations that no operation needs are still checked once
        for (name, where), (pptr, _param, _checker) in shared.items():
            if where == "path" and name not in template:
                checker.report("SF012", f"path parameter {name!r} does not appear in the template {path}", pptr)


def _check_operation(seen: _Operations, checker: DocChecker, path: str, method: str, op: dict[str, Any], optr: str,
                     shared: Params, template: set[str] | None) -> None:
    """One operation (in ``checker``'s file, at ``optr``); ``template`` holds the path's `{placeholders}` (None for a
    webhook)."""
    own = _params(checker, op.get("parameters"), pointer.child(optr, "parameters"))
    merged = dict(shared)
    merged.update(own)
    if template is not None:
        declared = {name for (name, where) in merged if where == "path"}
        for name in sorted(template - declared):
            checker.report("SF011", f"path template parameter {{{name}}} of {method.upper()} {path} is not "
                                    f"declared as an `in: path` parameter", optr)
    _check_path_params(checker, path, merged, template)
    op_id = op.get("operationId")
    if isinstance(op_id, str):
        id_ptr = pointer.child(optr, "operationId")
        if op_id in seen.op_ids:
            checker.report("SF010", f"operationId {op_id!r} is already used at {seen.op_ids[op_id]}", id_ptr)
        else:
            seen.op_ids[op_id] = optr
            check_operation_name(checker, op_id, id_ptr, seen.op_methods)
    check_responses(checker, op.get("responses"), pointer.child(optr, "responses"))
    if "security" in op:
        check_security(checker, op.get("security"), pointer.child(optr, "security"), seen.schemes)


def _check_path_params(checker: DocChecker, path: str, merged: Params, template: set[str] | None) -> None:
    """SF012 (not in the template) and SF013 (not required) for an operation's path parameters."""
    for (name, where), (pptr, param, own) in sorted(merged.items(), key=lambda kv: kv[1][0]):
        if where != "path":
            continue
        if template is not None and name not in template:
            own.report("SF012", f"path parameter {name!r} does not appear in the template {path}", pptr)
        if param.get("required") is not True:
            rptr = pptr + "/required" if "required" in param else pptr
            own.report("SF013", f"path parameter {name!r} must have `required: true`", rptr)


def _params(checker: DocChecker, params: Any, ptr: str) -> Params:
    """The parameters of one list, reporting duplicates (SF014)."""
    result: Params = {}
    if not isinstance(params, list):
        return result
    for i, raw in enumerate(params):
        param = _param(checker, raw)
        if param is None:
            continue
        name, where = param.get("name"), param.get("in")
        if not isinstance(name, str) or not isinstance(where, str):
            continue
        key = (name.lower() if where == "header" else name, where)
        pptr = f"{ptr}/{i}"
        if key in result:
            checker.report("SF014", f"parameter {name!r} in {where} is declared twice (also at {result[key][0]})", pptr)
        else:
            result[key] = (pptr, param, checker)
    return result


def _param(checker: DocChecker, param: Any) -> Any:
    if isinstance(param, dict) and "$ref" in param:
        target = checker.resolve_value(param["$ref"])
        return target if isinstance(target, dict) else None
    return param if isinstance(param, dict) else None


def check_responses(checker: DocChecker, responses: Any, ptr: str) -> None:
    """SF015 (no success response), SF016 (not a status code), SF017 (a status code written as a number)."""
    if not isinstance(responses, dict):
        return
    check_response_headers(checker, responses, ptr)
    success = False
    for code in responses:
        text = str(code)
        cptr = pointer.child(ptr, text)
        if not isinstance(code, str):
            checker.report("SF017", f"status code {text} is a number, not a string", cptr)
            checker.run.unquoted_codes = True
        if text != "default" and not _STATUS_RE.match(text):
            checker.report("SF016", f"{text!r} is not a valid status code or range", cptr)
        if _SUCCESS_RE.match(text):
            success = True
    if not success:
        checker.report("SF015", "the operation declares no success (2xx) response", ptr)
