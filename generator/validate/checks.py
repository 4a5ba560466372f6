"""`sdkforge validate`: structural (openapi-pydantic) and semantic checks of OpenAPI 3.0/3.1 documents.

Entry points:

* ``validate_paths(paths, rules) -> list[Diagnostic]`` / ``validate_document(doc, rules)`` for library use;
* ``add_parser(subparsers)`` and ``run(args) -> int`` for the CLI (exit 0 clean, 1 errors or - with ``--strict`` -
  warnings, 2 unusable input or usage).

Rule IDs, severities and hints live in ``rules.py``; output formats in ``report.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import SpecError, UsageError
from generator.load.document import Document, duplicate_keys, load_spec, locate, split_pointer
from generator.validate import rules as _rules
from generator.validate.rules import LEVELS, RULES, ValueChecker

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_STATUS_RE = re.compile(r"^(?:[1-5][0-9][0-9]|[1-5]XX)$")
_SUCCESS_RE = re.compile(r"^(?:[23][0-9][0-9]|[23]XX|default)$")
_TEMPLATE_RE = re.compile(r"\{([^{}/]+)\}")


@dataclass
class Diagnostic:
    rule: str
    severity: str  # "error" | "warning"
    message: str
    file: str
    line: int
    column: int
    pointer: str
    hint: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "hint": self.hint,
        }


# --- configuration ---------------------------------------------------------------------------------------------


def check_rule_config(rules: dict[str, str] | None) -> dict[str, str]:
    """Validate a ``{rule id: "off"|"error"|"warning"}`` mapping; raises UsageError."""
    result: dict[str, str] = {}
    for rule_id, level in (rules or {}).items():
        rid = str(rule_id).upper()
        if rid not in RULES:
            raise UsageError(f"unknown rule {rule_id!r} in the validate rules config (known: SF000-SF070)")
        if rid == "SF000":
            raise UsageError("rule SF000 (unusable input) cannot be re-levelled")
        lvl = str(level).lower()
        if lvl not in LEVELS:
            raise UsageError(f"rule {rule_id}: level must be one of off, error, warning, not {level!r}")
        result[rid] = lvl
    return result


def read_config(path: str | Path | None) -> dict[str, str]:
    """The validate rules from a config file: ``[tool.sdkforge.validate] rules`` (or ``[tool.sdkforge] rules``) in a
    pyproject-style TOML file, or ``validate: {rules: ...}`` in an sdkforge.yaml.

    With ``path`` None, ./sdkforge.yaml or else ./pyproject.toml is read when present.
    """
    import tomllib
    import yaml

    if path is None:
        for candidate in (Path("sdkforge.yaml"), Path("pyproject.toml")):
            if candidate.is_file():
                path = candidate
                break
        else:
            return {}
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"config file not found: {p}")
    try:
        text = p.read_text(encoding="utf-8")
        if p.suffix in (".yaml", ".yml"):
            tool = yaml.safe_load(text) or {}
        else:
            tool = tomllib.loads(text).get("tool", {}).get("sdkforge", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read config {p}: {exc}") from None
    if not isinstance(tool, dict):
        return {}
    validate = tool.get("validate", {})
    rules = validate.get("rules") if isinstance(validate, dict) else None
    if rules is None:
        rules = tool.get("rules")
    if rules is None:
        return {}
    if not isinstance(rules, dict):
        raise UsageError(f"{p}: [tool.sdkforge.validate] rules must be a table of rule id = level")
    return check_rule_config(rules)


# --- the validator -----------------------------------------------------------------------------------------------


class _Workspace:
    """Documents by resolved path, so external `$ref`s load each file once."""

    def __init__(self) -> None:
        self.docs: dict[Path, Document | SpecError] = {}

    def add(self, doc: Document) -> None:
        self.docs[doc.path.resolve()] = doc

    def get(self, path: Path) -> Document | SpecError:
        key = path.resolve()
        if key not in self.docs:
            try:
                self.docs[key] = load_spec(path)
            except SpecError as exc:
                self.docs[key] = exc
        return self.docs[key]


class _Unresolved(Exception):
    def __init__(self, message: str, rule: str = "SF002") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule


_MISSING = object()


def get_pointer(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer, or ``_MISSING``."""
    obj = data
    for token in split_pointer(pointer):
        if isinstance(obj, dict):
            if token in obj:
                obj = obj[token]
                continue
            for key in obj:
                if not isinstance(key, str) and str(key) == token:
                    obj = obj[key]
                    break
            else:
                return _MISSING
        elif isinstance(obj, list):
            try:
                obj = obj[int(token)]
            except (ValueError, IndexError):
                return _MISSING
        else:
            return _MISSING
    return obj


def _ptr(base: str, key: Any) -> str:
    if isinstance(key, str):
        if "/" in key or "~" in key:
            return base + "/" + key.replace("~", "~0").replace("/", "~1")
        return base + "/" + key
    return f"{base}/{key}"


_SCHEMA_CHILD = frozenset(
    ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
     "unevaluatedProperties", "additionalItems", "contentSchema")
)
_SCHEMA_MAP = frozenset(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"))
_SCHEMA_LIST = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))
_VALUE_KEYS = frozenset(("default", "enum", "const", "example", "examples"))
_NAME_MAPS = frozenset(("paths", "responses", "parameters", "requestBodies", "headers", "securitySchemes", "links",
                        "callbacks", "pathItems", "content", "encoding", "webhooks"))

# walk kinds
_GENERIC, _SCHEMA, _SCHEMAMAP, _SCHEMALIST, _NAMEMAP, _EXAMPLEMAP, _EXAMPLE = range(7)


class _DocChecker:
    """Runs the per-document rules. Diagnostics are collected as (rule, message, doc, pointer)."""

    def __init__(self, validator: _Validator, doc: Document) -> None:
        self.v = validator
        self.doc = doc
        version = doc.data.get("openapi", "") if isinstance(doc.data, dict) else ""
        root = validator.root_version or (str(version) if isinstance(version, (str, int, float)) else "")
        self.openapi30 = root.startswith("3.0")
        self.values = ValueChecker(self._resolve_value, self.openapi30)

    def report(self, rule: str, message: str, pointer: str) -> None:
        self.v.report(rule, message, self.doc, pointer)

    def _resolve_value(self, ref: str) -> Any:
        try:
            _doc, _ptr_, value = self.v.resolve(self.doc, ref)
        except _Unresolved:
            return None
        return value

    # generic walk: $refs, schemas, examples --------------------------------------------------------------------

    def walk(self, start: Any, pointer: str, kind: int) -> None:
        stack: list[tuple[Any, str, int]] = [(start, pointer, kind)]
        seen: set[int] = set()
        while stack:
            obj, ptr, kind = stack.pop()
            if isinstance(obj, dict):
                oid = id(obj)
                if oid in seen:
                    continue
                seen.add(oid)
                ref = obj.get("$ref")
                if ref is not None and kind not in (_SCHEMAMAP, _NAMEMAP, _EXAMPLEMAP):
                    self.v.check_ref(self.doc, ptr, ref, kind)
                if kind == _SCHEMA:
                    self.check_schema(obj, ptr)
                    for key, value in obj.items():
                        if not isinstance(value, (dict, list)):
                            continue
                        if key in _SCHEMA_CHILD:
                            stack.append((value, _ptr(ptr, key), _SCHEMA if isinstance(value, dict) else _SCHEMALIST))
                        elif key in _SCHEMA_MAP:
                            stack.append((value, _ptr(ptr, key), _SCHEMAMAP))
                        elif key in _SCHEMA_LIST:
                            stack.append((value, _ptr(ptr, key), _SCHEMALIST))
                        elif key in _VALUE_KEYS or (isinstance(key, str) and key.startswith("x-")):
                            continue
                        else:
                            stack.append((value, _ptr(ptr, key), _GENERIC))
                elif kind in (_SCHEMAMAP, _NAMEMAP, _EXAMPLEMAP, _EXAMPLE):
                    for key, value in obj.items():
                        if not isinstance(value, (dict, list)):
                            continue
                        if kind == _SCHEMAMAP:
                            stack.append((value, _ptr(ptr, key), _SCHEMA))
                        elif kind == _EXAMPLEMAP:
                            stack.append((value, _ptr(ptr, key), _EXAMPLE))
                        elif kind == _EXAMPLE:
                            if key != "value" and not (isinstance(key, str) and key.startswith("x-")):
                                stack.append((value, _ptr(ptr, key), _GENERIC))
                        else:
                            stack.append((value, _ptr(ptr, key), _GENERIC))
                else:
                    if "schema" in obj and ("example" in obj or "examples" in obj):
                        self.check_examples(obj, ptr)
                    for key, value in obj.items():
                        if not isinstance(value, (dict, list)):
                            continue
                        if key == "schema":
                            stack.append((value, _ptr(ptr, key), _SCHEMA))
                        elif key == "schemas":
                            stack.append((value, _ptr(ptr, key), _SCHEMAMAP))
                        elif key == "examples":
                            if isinstance(value, dict):
                                stack.append((value, _ptr(ptr, key), _EXAMPLEMAP))
                        elif key in _NAME_MAPS and isinstance(value, dict):
                            stack.append((value, _ptr(ptr, key), _NAMEMAP))
                        elif key in ("example", "default") or (isinstance(key, str) and key.startswith("x-")):
                            continue
                        else:
                            stack.append((value, _ptr(ptr, key), _GENERIC))
            elif isinstance(obj, list):
                child = _SCHEMA if kind == _SCHEMALIST else _GENERIC
                for i, value in enumerate(obj):
                    if isinstance(value, (dict, list)):
                        stack.append((value, f"{ptr}/{i}", child))

    def check_schema(self, schema: dict[str, Any], ptr: str) -> None:
        if not (schema.keys() & _CHECKED_SCHEMA_KEYS):
            return
        self.check_values(schema, ptr)
        values = self.values
        if "example" in schema:
            problem = values.check(schema["example"], schema)
            if problem:
                self.report("SF023", f"example {problem}", _ptr(ptr, "example"))
        examples = schema.get("examples")
        if isinstance(examples, list):
            for i, example in enumerate(examples):
                problem = values.check(example, schema)
                if problem:
                    self.report("SF023", f"example {problem}", f"{ptr}/examples/{i}")
        props = schema.get("properties")
        if isinstance(props, dict) and len(props) > 1:
            self.check_property_names(props, _ptr(ptr, "properties"))

    def check_values(self, schema: dict[str, Any], where: str | Callable[[], str]) -> None:
        """default, enum and const against the schema (SF020-SF022, SF024); the discriminator (SF030, SF031).
        ``where`` is the schema's pointer, or a function giving it (called only when something is reported)."""
        if _plain_values(schema):
            return
        values = self.values
        ptr = where if isinstance(where, str) else None

        def at() -> str:
            nonlocal ptr
            if ptr is None:
                ptr = where() if callable(where) else where
            return ptr

        if "default" in schema and schema["default"] is not None:  # `default: null` reads as "no default"
            problem = values.check(schema["default"], schema)
            if problem:
                rule = "SF020" if _is_member_schema(at()) else "SF024"
                self.report(rule, f"default {problem}", _ptr(at(), "default"))
        enum = schema.get("enum")
        if isinstance(enum, list):
            for i, entry in enumerate(enum):
                if entry is None:
                    continue
                problem = values.check(entry, schema, skip_enum=True)
                if problem:
                    self.report("SF021", f"enum entry {problem}", f"{at()}/enum/{i}")
        if "const" in schema:
            problem = values.check(schema["const"], schema, skip_enum=True)
            if problem:
                self.report("SF022", f"const {problem}", _ptr(at(), "const"))
        if isinstance(schema.get("discriminator"), dict):
            self.check_discriminator(schema, at())

    def check_examples(self, obj: dict[str, Any], ptr: str) -> None:
        schema = obj.get("schema")
        if not isinstance(schema, dict):
            return
        if "example" in obj:
            problem = self.values.check(obj["example"], schema)
            if problem:
                self.report("SF023", f"example {problem}", _ptr(ptr, "example"))
        examples = obj.get("examples")
        if isinstance(examples, dict):
            for name, example in examples.items():
                if isinstance(example, dict) and "$ref" in example:
                    example = self._resolve_value(example["$ref"])
                if isinstance(example, dict) and "value" in example:
                    problem = self.values.check(example["value"], schema)
                    if problem:
                        self.report("SF023", f"example {problem}", _ptr(_ptr(_ptr(ptr, "examples"), name), "value"))

    def check_property_names(self, props: dict[str, Any], ptr: str) -> None:
        seen: dict[str, str] = {}
        for name in props:
            py = _rules.attr_namer(str(name))
            if py in seen:
                self.report("SF051", f"properties {seen[py]!r} and {name!r} both become `{py}` in Python", _ptr(ptr, name))
            else:
                seen[py] = str(name)

    def check_discriminator(self, schema: dict[str, Any], ptr: str) -> None:
        disc = schema["discriminator"]
        prop = disc.get("propertyName")
        mapping = disc.get("mapping")
        variants: list[tuple[str, Any]] = []
        for key in ("oneOf", "anyOf"):
            subs = schema.get(key)
            if isinstance(subs, list):
                variants += [(f"{ptr}/{key}/{i}", sub) for i, sub in enumerate(subs)]
        if isinstance(mapping, dict):
            for name, target in mapping.items():
                mptr = _ptr(_ptr(_ptr(ptr, "discriminator"), "mapping"), name)
                if not isinstance(target, str):
                    continue
                ref = target if ("#" in target or "/" in target or target.endswith((".yaml", ".yml", ".json"))) \
                    else f"#/components/schemas/{target}"
                try:
                    _d, _p, value = self.v.resolve(self.doc, ref)
                except _Unresolved:
                    self.report("SF031", f"mapping {name!r} names the unknown schema {target!r}", mptr)
                    continue
                if not variants:
                    variants.append((mptr, {"$ref": ref}))
        if not isinstance(prop, str):
            return
        for vptr, sub in variants:
            if not self._has_property(sub, prop, 0):
                label = sub.get("$ref", vptr) if isinstance(sub, dict) else vptr
                self.report("SF030", f"variant {label} does not declare the discriminator property {prop!r}", vptr)

    def _has_property(self, schema: Any, prop: str, depth: int) -> bool:
        if depth > 20 or not isinstance(schema, dict) or "$recursiveRef" in schema or "$dynamicRef" in schema:
            return True  # unknown: do not complain
        if "$ref" in schema:
            target = self._resolve_value(schema["$ref"])
            if target is None:
                return True  # reported as SF002
            if self._has_property(target, prop, depth + 1):
                return True
        props = schema.get("properties")
        if isinstance(props, dict) and prop in props:
            return True
        for sub in schema.get("allOf") or ():
            if self._has_property(sub, prop, depth + 1):
                return True
        for key in ("oneOf", "anyOf"):
            subs = schema.get(key)
            if isinstance(subs, list) and subs and all(self._has_property(s, prop, depth + 1) for s in subs):
                return True
        return False

    # OpenAPI-object rules --------------------------------------------------------------------------------------

    def check_root(self) -> None:
        data = self.doc.data
        components = data.get("components") if isinstance(data.get("components"), dict) else {}
        schemas = components.get("schemas") if isinstance(components, dict) else None
        if isinstance(schemas, dict):
            seen: dict[str, str] = {}
            for name in schemas:
                py = _rules.class_namer(str(name))
                if py in seen:
                    self.report("SF050", f"schemas {seen[py]!r} and {name!r} both become the class `{py}`",
                                _ptr("/components/schemas", name))
                else:
                    seen[py] = str(name)
        for path, name in _rules.hop_by_hop_response_headers(data):
            pointer = ""
            for key in path + (name,):
                pointer = _ptr(pointer, key)
            self.report("SF018", f"response header {name!r} is a hop-by-hop header: the HTTP layer sets it", pointer)
        self.check_operations()

    def check_operations(self) -> None:
        """Security requirements and every path item (SF010-SF017, SF040, SF052)."""
        data = self.doc.data
        components = data.get("components") if isinstance(data.get("components"), dict) else {}
        schemes = components.get("securitySchemes") if isinstance(components, dict) else None
        self.scheme_names = set(schemes) if isinstance(schemes, dict) else set()
        self.check_security(data.get("security"), "/security")
        op_ids: dict[str, str] = {}
        op_methods: dict[str, str] = {}
        for section in ("paths", "webhooks"):
            paths = data.get(section)
            if not isinstance(paths, dict):
                continue
            for path, item in paths.items():
                if not isinstance(item, dict):
                    continue
                item_ptr = _ptr(f"/{section}", path)
                self.check_path_item(str(path), item, item_ptr, section == "paths", op_ids, op_methods)

    def check_security(self, requirements: Any, ptr: str) -> None:
        if not isinstance(requirements, list):
            return
        for i, req in enumerate(requirements):
            if isinstance(req, dict):
                for name in req:
                    if name not in self.scheme_names:
                        self.report("SF040", f"security scheme {name!r} is not defined in components.securitySchemes",
                                    _ptr(f"{ptr}/{i}", name))

    def _param(self, param: Any) -> Any:
        if isinstance(param, dict) and "$ref" in param:
            target = self._resolve_value(param["$ref"])
            return target if isinstance(target, dict) else None
        return param if isinstance(param, dict) else None

    def _params(self, params: Any, ptr: str) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
        """(name, in) -> (pointer, parameter) for one parameter list, reporting duplicates (SF014)."""
        result: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        if not isinstance(params, list):
            return result
        for i, raw in enumerate(params):
            param = self._param(raw)
            if param is None:
                continue
            name, where = param.get("name"), param.get("in")
            if not isinstance(name, str) or not isinstance(where, str):
                continue
            key = (name.lower() if where == "header" else name, where)
            pptr = f"{ptr}/{i}"
            if key in result:
                self.report("SF014", f"parameter {name!r} in {where} is declared twice (also at {result[key][0]})", pptr)
            else:
                result[key] = (pptr, param)
        return result

    def check_path_item(self, path: str, item: dict[str, Any], ptr: str, is_path: bool, op_ids: dict[str, str],
                        op_methods: dict[str, str]) -> None:
        template = set(_TEMPLATE_RE.findall(path)) if is_path else set()
        shared = self._params(item.get("parameters"), _ptr(ptr, "parameters"))
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            optr = _ptr(ptr, method)
            own = self._params(op.get("parameters"), _ptr(optr, "parameters"))
            merged = dict(shared)
            merged.update(own)
            if is_path:
                declared = {name for (name, where) in merged if where == "path"}
                for name in sorted(template - declared):
                    self.report("SF011", f"path template parameter {{{name}}} of {method.upper()} {path} is not "
                                         f"declared as an `in: path` parameter", optr)
            for (name, where), (pptr, param) in sorted(merged.items(), key=lambda kv: kv[1][0]):
                if where != "path":
                    continue
                if is_path and name not in template:
                    if pptr.startswith(optr + "/") or (name, where) not in own:
                        self.report("SF012", f"path parameter {name!r} does not appear in the template {path}", pptr)
                if param.get("required") is not True:
                    rptr = pptr + "/required" if "required" in param else pptr
                    self.report("SF013", f"path parameter {name!r} must have `required: true`", rptr)
            op_id = op.get("operationId")
            if isinstance(op_id, str):
                if op_id in op_ids:
                    self.report("SF010", f"operationId {op_id!r} is already used at {op_ids[op_id]}",
                                _ptr(optr, "operationId"))
                else:
                    op_ids[op_id] = optr
                    py = _rules.method_namer(op_id)
                    if py in op_methods:
                        self.report("SF052", f"operationIds {op_methods[py]!r} and {op_id!r} both become the method "
                                             f"`{py}`", _ptr(optr, "operationId"))
                    else:
                        op_methods[py] = op_id
            self.check_responses(op.get("responses"), _ptr(optr, "responses"))
            if "security" in op:
                self.check_security(op.get("security"), _ptr(optr, "security"))
        if is_path and template:
            # path-level declarations that no operation needs are still checked once
            if not any(isinstance(item.get(m), dict) for m in METHODS):
                for (name, where), (pptr, _param) in shared.items():
                    if where == "path" and name not in template:
                        self.report("SF012", f"path parameter {name!r} does not appear in the template {path}", pptr)

    def check_responses(self, responses: Any, ptr: str) -> None:
        if not isinstance(responses, dict):
            return
        success = False
        for code in responses:
            text = str(code)
            cptr = _ptr(ptr, text)
            if not isinstance(code, str):
                self.report("SF017", f"status code {text} is a number, not a string", cptr)
                self.v.unquoted_codes = True
            if text != "default" and not _STATUS_RE.match(text):
                self.report("SF016", f"{text!r} is not a valid status code or range", cptr)
            if _SUCCESS_RE.match(text):
                success = True
        if not success:
            self.report("SF015", "the operation declares no success (2xx) response", ptr)


_MEMBER_RE = re.compile(r"/(?:properties/[^/]+|parameters/\d+/schema|headers/[^/]+/schema|components/parameters/[^/]+"
                        r"/schema)$")


def _is_member_schema(ptr: str) -> bool:
    """A property's or parameter's own schema: where a default becomes a default of generated code."""
    return _MEMBER_RE.search(ptr) is not None


_CHECKED_SCHEMA_KEYS = frozenset(("default", "enum", "const", "example", "examples", "properties", "discriminator"))
# keywords that can make a plain string/boolean/number value fail its schema beyond its type and enum
_VALUE_CONSTRAINTS = frozenset(("$ref", "format", "minLength", "maxLength", "pattern", "allOf", "anyOf", "oneOf", "not",
                                "const", "discriminator", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                "multipleOf"))
_PLAIN_TYPES: dict[Any, tuple[type, ...]] = {"string": (str,), "boolean": (bool,), "integer": (int,),
                                             "number": (int, float)}


def _plain_values(schema: dict[str, Any]) -> bool:
    """True when the default and enum entries of ``schema`` cannot fail: a single scalar type, every value of that
    exact type, the default among the enum entries, and no constraint beyond them (the common case, checked fast)."""
    t = schema.get("type")
    kinds = _PLAIN_TYPES.get(t) if type(t) is str else None
    if kinds is None or not _VALUE_CONSTRAINTS.isdisjoint(schema):
        return False
    enum = schema.get("enum")
    if enum is not None:
        if type(enum) is not list:
            return False
        for entry in enum:
            if entry is not None and type(entry) not in kinds:
                return False
    default = schema.get("default")
    if default is None:
        return True
    return type(default) in kinds and (enum is None or default in enum)


class _Validator:
    def __init__(self, rules: dict[str, str] | None = None) -> None:
        self.rules = check_rule_config(rules)
        self.workspace = _Workspace()
        self.raw: list[tuple[str, str, Document | None, str, str, tuple[int, int] | None]] = []
        self.root_version = ""
        self.unquoted_codes = False
        self._walked: set[tuple[Path, str]] = set()
        self._pending: deque[tuple[Document, str, Any, int]] = deque()
        self._chains: dict[tuple[Path, str], bool] = {}
        self._cycles_reported: set[frozenset[tuple[Path, str]]] = set()
        self._checkers: dict[Path, _DocChecker] = {}
        self._dups_done: set[Path] = set()

    def report(self, rule: str, message: str, doc: Document | None, pointer: str, file: str = "",
               position: tuple[int, int] | None = None) -> None:
        self.raw.append((rule, message, doc, pointer, file, position))

    def checker(self, doc: Document) -> _DocChecker:
        key = doc.path.resolve()
        if key not in self._checkers:
            self._checkers[key] = _DocChecker(self, doc)
            if key not in self._dups_done:
                self._dups_done.add(key)
                for pointer, line, col, fline, fcol in duplicate_keys(doc):
                    self.report("SF005", f"duplicate key {split_pointer(pointer)[-1]!r} (first at line {fline}, "
                                         f"column {fcol}); the last one wins", doc, pointer, position=(line, col))
        return self._checkers[key]

    # refs ------------------------------------------------------------------------------------------------------

    def resolve(self, doc: Document, ref: Any) -> tuple[Document, str, Any]:
        if not isinstance(ref, str):
            raise _Unresolved(f"$ref must be a string, not {type(ref).__name__}")
        if "://" in ref or ref.startswith("//"):
            raise _Unresolved(f"remote $ref {ref!r} is not fetched (offline)", rule="SF004")
        file_part, _, fragment = ref.partition("#")
        target_doc: Document = doc
        if file_part:
            path = doc.path.parent / unquote(file_part)
            loaded = self.workspace.get(path)
            if isinstance(loaded, SpecError):
                raise _Unresolved(f"$ref {ref!r}: cannot load {file_part}: {loaded.message}")
            target_doc = loaded
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise _Unresolved(f"$ref {ref!r}: only JSON-pointer fragments (#/...) are supported")
        value = get_pointer(target_doc.data, fragment)
        if value is _MISSING:
            where = f" in {file_part}" if file_part else ""
            raise _Unresolved(f"$ref {ref!r} points at nothing{where}")
        return target_doc, fragment, value

    def check_ref(self, doc: Document, ptr: str, ref: Any, kind: int) -> None:
        rptr = ptr + "/$ref"
        try:
            target_doc, target_ptr, value = self.resolve(doc, ref)
        except _Unresolved as exc:
            self.report(exc.rule, exc.message, doc, rptr)
            return
        if not isinstance(value, dict):
            self.report("SF002", f"$ref {ref!r} points at a {type(value).__name__}, not an object", doc, rptr)
            return
        if "$ref" in value:
            self._check_chain(doc, ptr, ref)
        if target_doc is not doc:
            key = (target_doc.path.resolve(), target_ptr)
            if key not in self._walked:
                self._walked.add(key)
                self._pending.append((target_doc, target_ptr, value, _SCHEMA if kind == _SCHEMA else _GENERIC))

    def _check_chain(self, doc: Document, ptr: str, ref: str) -> None:
        """Follow a chain of objects that are only `$ref`s; report a cycle once (SF003)."""
        seen: list[tuple[Path, str]] = []
        cur_doc, cur_ref = doc, ref
        members: list[tuple[Document, str]] = []
        for _ in range(1000):
            try:
                cur_doc, tptr, value = self.resolve(cur_doc, cur_ref)
            except _Unresolved:
                return
            key = (cur_doc.path.resolve(), tptr)
            if key in seen:
                cycle = frozenset(seen[seen.index(key):])
                if cycle in self._cycles_reported:
                    return
                self._cycles_reported.add(cycle)
                # report at the first member of the cycle in document order
                start = seen.index(key)
                cyc_members = members[start:]
                first_doc, first_ptr = min(cyc_members, key=lambda m: (str(m[0].path), m[1]))
                names = " -> ".join(p or "#" for _d, p in cyc_members)
                self.report("SF003", f"$ref cycle with no object in between: {names} -> {tptr}", first_doc,
                            first_ptr + "/$ref")
                return
            seen.append(key)
            members.append((cur_doc, tptr))
            if not isinstance(value, dict) or "$ref" not in value:
                return
            cur_ref = value["$ref"]
        return

    # driving ---------------------------------------------------------------------------------------------------

    def validate(self, doc: Document) -> None:
        self.workspace.add(doc)
        version = doc.data.get("openapi", "")
        self.root_version = version if isinstance(version, str) else str(version) if isinstance(version, (int, float)) \
            else ""  # str() of a deep structure would recurse
        if _too_deep(doc.data):  # the structural parse would exhaust the interpreter's recursion (pydantic)
            self.report("SF000", "the document is nested too deeply to validate", doc, "")
            return
        checker = self.checker(doc)
        try:
            checker.check_root()
            checker.walk(doc.data, "", _GENERIC)
            while self._pending:
                tdoc, tptr, value, kind = self._pending.popleft()
                self.checker(tdoc).walk(value, tptr, kind)
            self.structure(doc)
        except RecursionError:
            self.report("SF000", "the document is nested too deeply to validate", doc, "")

    def structure(self, doc: Document) -> None:
        from openapi_pydantic import parse_obj
        from pydantic import ValidationError

        data = doc.data
        if self.unquoted_codes:
            data = _with_string_codes(data)
        try:
            parse_obj(data)
        except ValidationError as exc:
            for pointer, message in pydantic_error_pointers(data, exc.errors(include_url=False, include_input=False)):
                self.report("SF001", message, doc, pointer)
        except (ValueError, TypeError) as exc:
            self.report("SF001", f"not an OpenAPI document: {exc}", doc, "")

    def diagnostics(self) -> list[Diagnostic]:
        result: list[Diagnostic] = []
        seen: set[tuple[str, str, str, str]] = set()
        for rule_id, message, doc, pointer, file, position in self.raw:
            level = self.rules.get(rule_id, RULES[rule_id].severity)
            if level == "off":
                continue
            fname = file or (str(doc.path) if doc is not None else "")
            key = (rule_id, fname, pointer, message)
            if key in seen:
                continue
            seen.add(key)
            if position is None:
                position = locate(doc, pointer) if doc is not None else (0, 0)
            result.append(Diagnostic(rule_id, level, message, fname, position[0], position[1], pointer,
                                     RULES[rule_id].hint))
        result.sort(key=lambda d: (d.file, d.line, d.column, d.rule))
        return result


def _too_deep(data: Any, limit: int = 250) -> bool:
    """Whether containers nest deeper than ``limit`` (no OpenAPI document needs more; iterative, stops early)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        obj, depth = stack.pop()
        if depth > limit:
            return True
        for value in obj.values() if type(obj) is dict else obj:
            if type(value) is dict or type(value) is list:
                stack.append((value, depth + 1))
    return False


_REF_NOISE = "Reference"
_MODEL_TAGS = frozenset(("Schema", "Parameter", "Response", "PathItem", "Example", "RequestBody", "Header",
                         "SecurityScheme", "Link", "Callback", "MediaType", "Operation"))


def pydantic_error_pointers(data: Any, errors: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str, bool]] = []
    for err in errors:
        loc = list(err.get("loc", ()))
        etype = err.get("type", "")
        if etype == "union_tag_invalid":
            found.append(("/openapi", f"unsupported openapi version {data.get('openapi')!r} (sdkforge reads 3.0.x "
                                      "and 3.1.x)", False))
            continue
        if etype == "union_tag_not_found":
            found.append(("", "the `openapi` version field is missing", True))
            continue
        obj = data
        ptr = ""
        noise = False
        for el in loc[1:]:
            if isinstance(obj, dict):
                if isinstance(el, str) and el in obj:
                    obj, ptr = obj[el], _ptr(ptr, el)
                    continue
                alt = next((k for k in obj if not isinstance(k, str) and str(k) == str(el)), _MISSING)
                if alt is not _MISSING:
                    obj, ptr = obj[alt], _ptr(ptr, el)
                    continue
                has_ref = "$ref" in obj
                if el == _REF_NOISE and not has_ref or el in _MODEL_TAGS and has_ref:
                    noise = True
            elif isinstance(obj, list) and isinstance(el, int) and 0 <= el < len(obj):
                obj, ptr = obj[el], f"{ptr}/{el}"
                continue
            elif el == _REF_NOISE:
                noise = True
        if noise:
            continue
        msg = err.get("msg", "invalid")
        missing = etype == "missing"
        if missing and loc:
            msg = f"missing required field {loc[-1]!r}"
        elif loc and loc[-1] == "[key]":
            msg = f"invalid key: {msg}"
        found.append((ptr, msg, missing))
    # the most specific error wins: drop (non-missing) errors on a pointer that has errors below it
    pointers = {p for p, _m, _miss in found}
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for ptr, msg, missing in found:
        if not missing and any(q.startswith(ptr + "/") for q in pointers):
            continue
        key = ptr if not missing else ptr + "\0" + msg
        if key in seen:
            continue
        seen.add(key)
        result.append((ptr, msg))
    return result


def _with_string_codes(data: dict[str, Any]) -> dict[str, Any]:
    """A shallow copy of the document with numeric response codes turned into strings (for the structural check)."""
    out = dict(data)
    for section in ("paths", "webhooks"):
        paths = data.get(section)
        if not isinstance(paths, dict):
            continue
        new_paths = {}
        for path, item in paths.items():
            if isinstance(item, dict):
                item = dict(item)
                for method in METHODS:
                    op = item.get(method)
                    if isinstance(op, dict) and isinstance(op.get("responses"), dict):
                        op = dict(op)
                        op["responses"] = {str(k): v for k, v in op["responses"].items()}
                        item[method] = op
            new_paths[path] = item
        out[section] = new_paths
    return out


# --- public API --------------------------------------------------------------------------------------------------


def validate_document(doc: Document, rules: dict[str, str] | None = None) -> list[Diagnostic]:
    validator = _Validator(rules)
    _read_leniently(validator, doc)
    validator.validate(doc)
    return validator.diagnostics()


def _read_leniently(validator: _Validator, doc: Document) -> None:
    """The lenient reading `sdkforge generate` applies (leniency.py, SF017 and SF060-SF070): its findings, located
    where the author wrote them, then its fixes, so the checks that follow judge what generate reads."""
    from generator.load import leniency

    if not isinstance(doc.data, dict):
        return
    levels = validator.rules
    off = {rule for rule in RULES if levels.get(rule, RULES[rule].severity) == "off"}
    try:
        scan = leniency.scan(doc, off)
        for finding in scan.findings:
            if finding.rule not in off:
                pointer = finding.pointer
                validator.report(finding.rule, finding.message, doc, pointer, position=locate(doc, pointer))
        leniency.apply(doc, scan.findings)
    except RecursionError:
        return  # validate() reports the document as nested too deeply


#: The rules `sdkforge generate` runs before it builds anything: problems that would otherwise become wrong code (or a
#: confusing failure) silently. Examples (SF023), naming collisions the generator resolves itself (SF050-SF052), a
#: missing success response (the generator's own warning), hop-by-hop headers (left out of the mock copy), duplicate
#: keys (a second compose of the text) and defaults outside properties (SF024: the generator checks the defaults it
#: emits) are left to `sdkforge validate`.
GENERATE_RULES = frozenset(("SF002", "SF003", "SF004", "SF010", "SF011", "SF012", "SF013", "SF014", "SF016", "SF020",
                            "SF021", "SF022", "SF024", "SF030", "SF031", "SF040"))

#: Semantic problems `sdkforge generate` repairs, so they never stop generation: it reports them as warnings (with
#: the message `sdkforge validate` prints at error level: the spec is still wrong) unless the project's rules set
#: them to "error" explicitly. A default that does not match its schema is dropped (SF020, SF024), an enum entry that
#: does not match its type is left out (SF021), a security requirement naming an undefined scheme is skipped (SF040,
#: security.py), a path parameter is required whatever it says (SF013, build.py), a path parameter the template lacks
#: is left out and a placeholder nobody declares is a string parameter (SF012, SF011, build.py), a second operation
#: with one operationId gets its own method name (SF010), the first of two same-named parameters is dropped (SF014),
#: a response key that is no status code is never chosen (SF016), a const that does not match its type is still the
#: one value (SF022), and a discriminator the variants do not carry, or whose mapping names nothing, is left out of
#: the union's typing (SF030, SF031: the union is an undiscriminated one).
REPAIRED = frozenset(("SF010", "SF011", "SF012", "SF013", "SF014", "SF016", "SF020", "SF021", "SF022", "SF024", "SF030",
                      "SF031", "SF040"))


def repair(doc: Document, found: Iterable[tuple[str, str]]) -> None:
    """Change ``doc.data`` in place for the REPAIRED problems (rule, pointer) that need it (SF020, SF024, SF021)."""
    enums: dict[int, tuple[list[Any], str, set[int]]] = {}
    for rule, pointer in found:
        if rule in ("SF020", "SF024") and pointer.endswith("/default"):
            schema = get_pointer(doc.data, pointer[: -len("/default")])
            if isinstance(schema, dict):
                schema.pop("default", None)
        elif rule == "SF021":
            enum_ptr, _, index = pointer.rpartition("/")
            enum = get_pointer(doc.data, enum_ptr)
            if isinstance(enum, list) and index.isdigit():
                enums.setdefault(id(enum), (enum, enum_ptr, set()))[2].add(int(index))
    for enum, enum_ptr, indexes in enums.values():
        for index in sorted(indexes, reverse=True):
            if index < len(enum):
                del enum[index]
        if not enum:  # nothing left: no enum rather than one no value matches
            schema = get_pointer(doc.data, enum_ptr.rpartition("/")[0])
            if isinstance(schema, dict):
                schema.pop("enum", None)


def generation_diagnostics(
    doc: Document,
    refs: Iterable[tuple[Any, str | Any]],
    value_schemas: Iterable[tuple[dict[str, Any], str | Any]],
    rules: dict[str, str] | None = None,
    pointer: Any = None,
    repairs: bool = False,
) -> list[Diagnostic]:
    """The GENERATE_RULES over what one walk of the document collected (``leniency.scan``): every `$ref` (value,
    where) and every schema with a default, enum, const or discriminator (schema, where); ``pointer(where)`` turns a
    place into its JSON pointer (only for a reported or first-seen place)."""
    to_pointer = pointer or (lambda where: where)
    validator = _Validator(rules)
    validator.workspace.add(doc)
    validator.root_version = str(doc.data.get("openapi", ""))
    checker = _DocChecker(validator, doc)
    validator._checkers[doc.path.resolve()] = checker  # no duplicate-key pass: it composes the whole text again
    validator._dups_done.add(doc.path.resolve())
    try:
        checker.check_operations()
        good: set[str] = set()
        data = doc.data
        for ref, where, in_schema in refs:  # type: ignore[misc]
            if isinstance(ref, str) and ref in good:
                continue
            if isinstance(ref, str) and ref.startswith("#/") and "%" not in ref:
                target = get_pointer(data, ref[1:])  # the common case: a local object, no chain to follow
                if type(target) is dict and "$ref" not in target:
                    good.add(ref)
                    continue
            before = len(validator.raw)
            validator.check_ref(doc, to_pointer(where), ref, _SCHEMA if in_schema else _GENERIC)
            if isinstance(ref, str) and len(validator.raw) == before and "#" in ref and not ref.startswith("#"):
                continue  # an external target: each place is walked once by check_ref itself
            if isinstance(ref, str) and len(validator.raw) == before:
                good.add(ref)
        for schema, where in value_schemas:
            checker.check_values(schema, lambda where=where: to_pointer(where))  # type: ignore[misc]
        while validator._pending:
            tdoc, tptr, value, kind = validator._pending.popleft()
            validator.checker(tdoc).walk(value, tptr, kind)
    except RecursionError:
        validator.report("SF000", "the document is nested too deeply to validate", doc, "")
    # filtered before diagnostics(): each kept one is located, and locating composes the text once
    validator.raw = [r for r in validator.raw if r[0] in GENERATE_RULES or r[0] == "SF000"]
    found = validator.diagnostics()  # located before the repairs change the data
    if repairs:  # whatever their level ("off" too): generation must not emit what they found
        repair(doc, [(r[0], r[3]) for r in validator.raw if r[0] in REPAIRED and r[2] is doc])
    return found


def _error_diagnostic(exc: SpecError, fallback_file: str) -> Diagnostic:
    return Diagnostic("SF000", "error", exc.message, exc.file or fallback_file, exc.line, exc.column, exc.pointer,
                      exc.hint or RULES["SF000"].hint)


def validate_paths(paths: Iterable[str | Path], rules: dict[str, str] | None = None) -> list[Diagnostic]:
    """Validate each spec file; unusable files give one SF000 diagnostic each."""
    rules = check_rule_config(rules)
    result: list[Diagnostic] = []
    for path in paths:
        try:
            doc = load_spec(path)
        except SpecError as exc:
            result.append(_error_diagnostic(exc, str(path)))
            continue
        except RecursionError:
            result.append(Diagnostic("SF000", "error", "the document is nested too deeply", str(path), 0, 0, "",
                                     RULES["SF000"].hint))
            continue
        result.extend(validate_document(doc, rules))
    return result


def exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    if any(d.rule == "SF000" for d in diagnostics):
        return 2
    if any(d.severity == "error" for d in diagnostics):
        return 1
    if strict and diagnostics:
        return 1
    return 0


# --- CLI -----------------------------------------------------------------------------------------------------------


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check OpenAPI specs (structure and semantic rules)",
        description="Validate OpenAPI 3.0/3.1 specs. Exit status: 0 clean, 1 errors (or warnings with --strict), "
        "2 unusable input or usage.",
        epilog="examples:\n  sdkforge validate specs/*.yaml\n  sdkforge validate --strict --format github api.yaml"
        "\n  sdkforge validate --format sarif api.yaml > validate.sarif",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("specs", nargs="+", metavar="SPEC", help="spec files (YAML or JSON)")
    parser.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--config", metavar="PATH", default=None,
                        help="TOML file with [tool.sdkforge.validate] rules (default: ./pyproject.toml if present)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.validate.report import render

    try:
        rules = getattr(args, "rules", None)
        rules = check_rule_config(rules) if rules is not None else read_config(getattr(args, "config", None))
        diagnostics = validate_paths(args.specs, rules)
        text = render(diagnostics, getattr(args, "format", "text") or "text", stream=sys.stdout)
    except UsageError as exc:
        print(f"sdkforge validate: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback for any input: a bug in sdkforge, one line and exit 4
        from generator.cli import ui
        from generator.errors import EXIT_BUG

        spec = ", ".join(str(s) for s in getattr(args, "specs", None) or [])
        ui.internal_error(exc, spec, verbose=bool(getattr(args, "verbose", False)), command="validate")
        return EXIT_BUG
    if text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return exit_code(diagnostics, bool(getattr(args, "strict", False)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sdkforge")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())
