"""The document's own fields: info (contact, description, license), top-level tags and servers."""

from __future__ import annotations

import re

from generator.validate.style.context import Node, Style, truthy

_TRAILING_SLASH = re.compile(r"./$")


def check_document(style: Style, root: Node) -> None:
    """info-contact, info-description, info-license, openapi-tags, tag-description, oas3-api-servers and
    oas3-server-trailing-slash (Spectral's ``truthy`` and ``schema`` semantics: a missing field is reported where
    its parent is)."""
    info = root.child("info")
    for rule, field in (("SF112", "contact"), ("SF113", "description"), ("SF114", "license")):
        value = info.value.get(field) if isinstance(info.value, dict) else None
        if not truthy(value):
            style.report(rule, f"info has no {field}", info.child(field) if value is not None else info)
    tags = root.value.get("tags")
    if not (isinstance(tags, list) and tags):
        style.report("SF116", "the document has no non-empty top-level `tags` list",
                     root.child("tags") if tags is not None else root)
    for tag in style.items(root.child("tags")):
        if isinstance(tag.value, dict) and not truthy(tag.value.get("description")):
            style.report("SF115", f"tag {tag.value.get('name')!r} has no description", tag)
    servers = root.value.get("servers")
    if not (isinstance(servers, list) and servers and all(isinstance(s, dict) for s in servers)):
        style.report("SF117", "the document has no non-empty `servers` list of Server Objects",
                     root.child("servers") if servers is not None else root)
    for server in style.items(root.child("servers")):
        url = server.value.get("url") if isinstance(server.value, dict) else None
        if isinstance(url, str) and _TRAILING_SLASH.search(url):
            style.report("SF119", f"server URL {url!r} ends with a slash", server.child("url"))
