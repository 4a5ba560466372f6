"""The specs the benchmarks feed the generators: synthetic N-times copies, a one-schema change, target configs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def _renamer(suffix: str):
    """A copy of a spec node with every component $ref, operationId and tag name suffixed."""

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            new = {}
            for key, value in node.items():
                if (key == "$ref" and isinstance(value, str) and value.startswith("#/components/")) or (
                    key == "operationId" and isinstance(value, str)
                ):
                    new[key] = value + suffix
                elif key == "tags" and isinstance(value, list) and all(isinstance(t, str) for t in value):
                    new[key] = [t + suffix for t in value]
                else:
                    new[key] = rename(value)
            return new
        if isinstance(node, list):
            return [rename(v) for v in node]
        return node

    return rename


def write_scaled_spec(spec: dict[str, Any], factor: int, path: Path) -> None:
    """The spec with every component and path duplicated (factor-1) times under new names, refs rewritten."""
    out = copy.deepcopy(spec)
    components = spec.get("components") or {}
    for k in range(2, factor + 1):
        suffix = f"Copy{k}"
        rename = _renamer(suffix)
        for section, entries in components.items():
            if isinstance(entries, dict) and section != "securitySchemes":
                target = out["components"][section]
                for name, value in entries.items():
                    target[name + suffix] = rename(value)
        for route, item in (spec.get("paths") or {}).items():
            out["paths"][f"/copy{k}{route}"] = rename(item)
        for tag in spec.get("tags") or []:
            if isinstance(tag, dict) and "name" in tag:
                out.setdefault("tags", []).append({**tag, "name": tag["name"] + suffix})
    path.write_text(yaml.dump(out, Dumper=DUMPER, sort_keys=False, allow_unicode=True), encoding="utf-8")


def write_one_schema_change(spec: Path, path: Path) -> tuple[Path, str]:
    """A copy of the spec text with one component schema's one-line description changed, nothing else."""
    text = spec.read_text(encoding="utf-8")
    schemas = yaml.load(text, Loader=LOADER)["components"]["schemas"]
    for name in sorted(schemas):
        description = schemas[name].get("description") if isinstance(schemas[name], dict) else None
        needle = f"      description: {description}\n"
        if isinstance(description, str) and "\n" not in description and text.count(needle) == 1:
            path.write_text(text.replace(needle, f"      description: {description} (changed)\n"), encoding="utf-8")
            return path, name
    raise RuntimeError("no schema with a unique one-line description to change")


def write_ts_config(spec: Path, out: Path, path: Path) -> Path:
    """An sdkforge.yaml with one TypeScript target for ``spec`` written to ``out`` (as the full-spec TS test does)."""
    target = {
        "spec": str(spec),
        "output": str(out),
        "language": "typescript",
        "package": "openai_full",
        "distribution": "openai-full",
        "client_class": "OpenAI",
        "api_key_env": "OPENAI_API_KEY",
    }
    path.write_text(json.dumps({"targets": [target]}, indent=2), encoding="utf-8")  # JSON is YAML
    return path
