"""Where each operation lives in every SDK: its resource and method as snake-case words, one rule for all targets.

A name comes from the operation alone; for each of resource and method the first source that gives one wins:

1. the configuration's ``operations`` mapping (``{operationId: "resource.method"}`` or ``"method"``);
2. the spec's SDK-name extensions, read by parse: ``x-sdk-group`` / ``x-sdk-method`` (``"resource.method"`` too),
   Fern's ``x-fern-sdk-group-name`` / ``x-fern-sdk-method-name``, Speakeasy's ``x-speakeasy-group`` /
   ``x-speakeasy-name-override``;
3. a namespaced operationId (``v1.keys.createKey``, ``emails/send``): its last part is the method, the part before
   it the resource (version parts such as ``v1`` and bare numbers dropped);
4. a plain operationId less the resource's words (``listVideos`` of ``videos`` -> ``list``; a bare ``get`` says
   nothing, so the path decides);
5. the path and the HTTP method. The resource is the first tag, else the path's first static segment that is not a
   version (``/v1/domains/claim`` -> ``domains``). The method: the CRUD verb when the path's last static segment is
   the resource's own (its first, or one the resource's name spells: ``GET /domains`` -> ``list``, ``GET
   /domains/{id}`` -> ``retrieve``, ``POST`` -> ``create``, ``PUT`` and ``PATCH`` -> ``update``, ``DELETE`` ->
   ``delete``); else that last static segment: bare for GET and POST on it
   (``POST /domains/claim`` -> ``claim``, ``GET /users/me`` -> ``me``), after the verb otherwise
   (``DELETE /domains/{id}/records`` -> ``delete_records``, ``GET /domains/{id}/records/{rid}`` ->
   ``retrieve_records``).

Two operations of one resource that want one method are told apart without counting the others: the one of highest
rank (a name given by configuration, then by an extension, then by an operationId, then by the path; then the shorter
path; then GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE; then the path as spelled) keeps it, and each other
takes its first fallback that no operation wants or took: the verb and the name (``create_records``), the HTTP method
(``patch``), the HTTP method and the path's words (``put_domains_id_records``), that with a number as the last resort.
So adding an operation renames an existing one only when both want one name and the new one outranks it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator import model
from generator.config import Target
from generator.frozen import frozen
from generator.targets.naming import snake

_HTTP_ORDER = ("get", "post", "put", "patch", "delete", "head", "options", "trace")
_VERB = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
_VERSION_PART = re.compile(r"v\d+[a-z0-9]*|\d+(?:\.\d+)*", re.IGNORECASE)  # in an operationId or a path
_NOT_RESOURCE = re.compile(r"api|rest", re.IGNORECASE)  # path prefixes that name no resource
_SUFFIX = re.compile(r"\.(json|xml|yaml|yml)$", re.IGNORECASE)  # ``/posts.json``: the format, not the name


@frozen
class _Wanted:
    resource: str
    method: str
    fallbacks: tuple[str, ...]
    rank: tuple[int, int, int, str]


def naming_inputs(op: model.Operation) -> tuple[str, ...]:
    """What ``operation_names`` reads of an operation (besides the target)."""
    return op.operation_id, op.sdk_method, op.sdk_group, op.group, op.path, op.path_key, op.http_method


def operation_names(operations: Sequence[model.Operation], target: Target) -> list[tuple[str, str]]:
    """(resource, method) of each operation, in snake case, distinct within each resource."""
    wanted = [_wanted(op, target) for op in operations]
    claims: dict[tuple[str, str], list[int]] = {}
    for at, w in enumerate(wanted):
        claims.setdefault((w.resource, w.method), []).append(at)
    taken = set(claims)  # a wanted name is never another operation's fallback
    methods = [w.method for w in wanted]
    losers = [at for ats in claims.values() for at in sorted(ats, key=lambda at: wanted[at].rank)[1:]]
    for at in sorted(losers, key=lambda at: wanted[at].rank):
        w = wanted[at]
        free = [name for name in w.fallbacks if (w.resource, name) not in taken]
        last, n = w.fallbacks[-1], 2
        while not free:
            free = [f"{last}_{n}"] if (w.resource, f"{last}_{n}") not in taken else []
            n += 1
        methods[at] = free[0]
        taken.add((w.resource, free[0]))
    return [(w.resource, method) for w, method in zip(wanted, methods)]


def _wanted(op: model.Operation, target: Target) -> _Wanted:
    mapped_group, mapped = _split(target.operations.get(op.operation_id, "") if op.operation_id else "")
    ext_group, ext_method = _split(op.sdk_method)
    id_group, id_method = _from_operation_id(op.operation_id)
    resource = mapped_group or ext_group or snake(op.sdk_group) or id_group or snake(op.group) or _path_resource(op)
    if id_method and not id_group:
        id_method = _without_resource(id_method, resource)
    given = [m for m in (mapped, ext_method, id_method) if m]
    source = (mapped, ext_method, id_method).index(given[0]) if given else 3
    method = given[0] if given else _from_path(op, resource)
    rank = (source, op.path.count("/"), _HTTP_ORDER.index(op.http_method), op.path_key)
    return _Wanted(resource, method, _fallbacks(op, method, derived=source == 3), rank)


def _fallbacks(op: model.Operation, method: str, *, derived: bool) -> tuple[str, ...]:
    """The names an operation tries when another of higher rank wants its method: a path-derived name with its verb
    (``create_records``) or its HTTP method (``patch``); then the name and the path's words it lacks
    (``list_sessions_admin_identities``), the HTTP method first (``put_bulk``), the name with every word of the path
    and the HTTP method (the last resort)."""
    verb, first = _verb(op), method.split("_")[0]
    words = method.split("_")
    static = [w for w in snake(re.sub(r"\{[^}]*\}", "/", op.path_key)).split("_") if w and w not in words]
    every = [w for w in snake(op.path_key).split("_") if w and w not in words]
    out = (
        f"{verb}_{method}" if derived and first != verb else "",
        op.http_method if derived and method == verb != op.http_method else "",
        "_".join([method, *static]),
        f"{op.http_method}_{method}" if first not in (verb, op.http_method) else "",
        "_".join([method, *every, op.http_method]),
    )
    return tuple(f for f in dict.fromkeys(out) if f and f != method)


def _split(text: str) -> tuple[str, str]:
    """``"videos.remix"`` -> ``("videos", "remix")``; ``"remix"`` -> ``("", "remix")`` (snake case)."""
    group, _, method = text.rpartition(".")
    return snake(group), snake(method)


def _from_operation_id(op_id: str) -> tuple[str, str]:
    """(resource, method) of a namespaced operationId, ("", words) of a plain one."""
    parts = [p for p in re.split(r"[./]", op_id) if snake(p) and not _VERSION_PART.fullmatch(p)]
    if len(parts) >= 2:
        return snake(parts[-2]), snake(parts[-1])
    return "", snake(parts[0]) if parts else ""


def _without_resource(method: str, resource: str) -> str:
    """A plain operationId's words less the resource's (and their singulars): ``list_videos`` -> ``list``."""
    own = _words_of(resource)
    kept = [w for w in method.split("_") if w not in own]
    return "" if kept in ([], ["get"]) else "_".join(kept)


def _static_segments(path: str) -> list[str]:
    """The path's segments that name things: no placeholder, no version, no ``api`` prefix, no format suffix."""
    out: list[str] = []
    for segment in path.split("/"):
        name = snake(_SUFFIX.sub("", segment))
        if "{" in segment or not name or _VERSION_PART.fullmatch(name) or (not out and _NOT_RESOURCE.fullmatch(name)):
            continue
        out.append(name)
    return out


def _path_resource(op: model.Operation) -> str:
    segments = _static_segments(op.path)
    return segments[0] if segments else "default"


def _verb(op: model.Operation) -> str:
    """The CRUD verb of an operation on its path: ``retrieve`` for a GET of one item, ``list`` of a collection."""
    if op.http_method == "get":
        return "retrieve" if _on_item(op) else "list"
    return _VERB.get(op.http_method, op.http_method)


def _owned(segment: str, resource: str) -> bool:
    """Whether a path segment names the resource itself: its letters inside the resource's, or only its words."""
    own, compact = _words_of(resource), segment.replace("_", "")
    if compact in resource.replace("_", "") or _singular(compact) in resource.replace("_", ""):
        return True
    return all(w in own or _singular(w) in own for w in segment.split("_"))


def _words_of(resource: str) -> set[str]:
    """A resource's words and their singulars."""
    own = set(resource.split("_"))
    return own | {_singular(w) for w in own}


def _singular(word: str) -> str:
    """``identities`` -> ``identity``, ``videos`` -> ``video``: enough to tell a resource's own words."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _on_item(op: model.Operation) -> bool:
    """Whether the path ends with a placeholder (``/posts/{id}``, ``/posts/{id}.json``): one item, not a collection."""
    return _SUFFIX.sub("", op.path.rstrip("/")).endswith("}")


def _from_path(op: model.Operation, resource: str) -> str:
    """The method a path and an HTTP method name: the CRUD verb, or the path's last static segment when that is
    not the resource's own (the first static segment, or one whose letters the resource's name holds)."""
    segments = _static_segments(op.path)
    last = segments[-1] if len(segments) > 1 else ""
    if _owned(last, resource):
        last = ""
    verb = _verb(op)
    if not last:
        return verb
    if op.http_method in ("get", "post") and not _on_item(op):
        return last
    return f"{verb}_{last}"
