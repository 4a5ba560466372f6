"""model.Api -> {relative path: source text}, through Jinja.

The template search path is a ChoiceLoader: a target's own template folder first, then ours, so a user overrides
one file by dropping a file of the same name into their folder.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from generator.cache import Reuse, cache_dir
from generator.targets.python.format import signature_parameter, warm_up
from generator.targets.python.imports import late_import, reexport
from generator.targets.python.inputs import Keys, RecordingEnvironment
from generator.targets.python.locations import TEMPLATES
from generator.targets.python.mcp.files import mcp_files
from generator.targets.python.readme import readme_examples
from generator.targets.python.shapes import PyApi as Api
from generator.targets.python.shapes import PyResource
from generator.targets.python.source import call, data_literal, docstring, field_line, param_line, wrapped

# Which template produces which file; "{pkg}", "{resource}" and "{model}" are filled per item.
PROJECT_FILES = {
    "pyproject.toml": "sdk/project/pyproject.toml.jinja",
    "README.md": "sdk/project/README.md.jinja",
    "api.md": "sdk/project/api.md.jinja",
    "tests/conftest.py": "sdk/tests/conftest.py.jinja",
    "{pkg}/resources/__init__.py": "sdk/resources/__init__.py.jinja",
    "{pkg}/types/__init__.py": "sdk/types/__init__.py.jinja",
    "tests/test_readme.py": "sdk/tests/test_readme.py.jinja",
    "tests/test__client.py": "sdk/tests/test__client.py.jinja",  # a resource module never starts with "_"
}
RESOURCE_FILES = {
    "{pkg}/resources/{resource}.py": "sdk/resources/resource.py.jinja",
    "tests/test_{resource}.py": "sdk/tests/test_resource.py.jinja",
    # one file per test module: each parses only its own examples (one file for all cost a 3.5 MB spec's 88 test
    # modules 88 parses of 19 MB at collection)
    "tests/responses/{resource}.json": "sdk/tests/responses.json.jinja",
}
MODEL_FILE = ("{pkg}/types/{model}.py", "sdk/types/type.py.jinja")
RUNTIME = Path(__file__).resolve().parent / "runtime"  # the static runtime: real modules, copied as they are
RUNTIME_DIR = "sdk/package"  # every template here becomes {pkg}/<name without .jinja>, replacing a runtime stand-in


def environment(user_templates: Path | None = None, compiled: Path | None = None) -> RecordingEnvironment:
    """The templates' environment (``compiled``: where their compiled code is kept, see ``compiled_folder``)."""
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = RecordingEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled is not None else None,
        auto_reload=False,  # a template does not change during a run: no stat of its file at each of ~6,000 lookups
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pyrepr"] = data_literal
    env.filters["docstring"] = docstring
    env.filters["reexport"] = reexport
    env.filters["late_import"] = late_import
    env.filters["pycall"] = call
    env.filters["field_line"] = field_line
    env.filters["param_line"] = lambda name, annotation, default, depth: signature_parameter(
        param_line(name, annotation, default, depth), depth
    )
    env.filters["wrapped"] = wrapped
    env.filters["toml"] = toml_string
    return env


def compiled_folder(user_templates: Path | None) -> Path | None:
    """Where what is made once from the templates is kept, per jinja version and for this environment's options only:
    their compiled code (made again when a template's text changes), and what each reads (inputs.Keys).
    Ours are part of the generator, like its modules: kept beside their .pyc files in __pycache__ (compiling them is
    ~0.13 s of a first run on the OpenAI spec, finding what they read ~0.05 s), so a run with a fresh cache folder (a
    CI job) makes neither; with a user's templates folder, or with bytecode writing off, in the cache folder."""
    roots = [] if user_templates is not None or sys.dont_write_bytecode else [Path(__file__).parent / "__pycache__"]
    roots += [found] if (found := cache_dir()) is not None else []
    for root in roots:
        folder = root / f"jinja-{jinja2.__version__}-python"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):  # jinja writes its temporary file there and fails if it cannot
            return folder
    return None


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes would spell an emoji as two surrogates, which TOML rejects."""
    out = []
    for char in str(value):
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(f"\\u{ord(char) if not 0xD800 <= ord(char) <= 0xDFFF else 0xFFFD:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


class Renderer:
    """One render of a plan: the environment, every file as a job, and the keys of their inputs. A file whose key
    ``reuse`` knows from the last run is that run's text, neither rendered nor formatted again; every key is given to
    ``reuse`` for the next run. The jobs can be done in parts, by two processes (``part``)."""

    def __init__(self, api: Api, user_templates: Path | None = None, *, spec_name: str = "openapi.yaml",
                 reuse: Reuse | None = None) -> None:
        self.api, self.reuse = api, reuse
        compiled = compiled_folder(user_templates)
        self.env = env = environment(user_templates, compiled)
        env.globals["spec_name"] = spec_name
        env.globals["examples"] = readme_examples(api)
        env.globals["responses_json"] = _responses_json
        self.keys = Keys(env, reuse.base, compiled) if reuse is not None else None
        self.jobs = list(_jobs(env, api))

    def prepare(self) -> None:
        """Compile every template the jobs use, and let black load its grammar: once, before the work is split."""
        for path, name, _context in self.jobs:
            if path is not None:
                self.env.get_template(name)
        warm_up()

    @property
    def paths(self) -> list[str]:
        """The file each job writes, in the jobs' order."""
        return [name if path is None else path for path, name, _context in self.jobs]

    def part(self, jobs: range | None = None) -> tuple[dict[str, str], dict[str, str]]:
        """(files rendered now, files taken as the last run left them) of the ``jobs`` (all of them by default)."""
        reuse, keys, env = self.reuse, self.keys, self.env
        rendered: dict[str, str] = {}
        reused: dict[str, str] = {}
        for path, name, context in self.jobs[jobs.start:jobs.stop] if jobs is not None else self.jobs:
            if path is None:  # a static runtime file: its text is its key
                rendered[name] = context["text"]
                continue
            known = reuse.text(path, keys.key(name, context)) if reuse is not None and keys is not None else None
            if known is not None:
                reused[path] = known
            else:
                rendered[path] = env.get_template(name).render(**context)
        return rendered, reused

    def finish(self) -> dict[str, str]:
        """The MCP server beside the SDK (when configured: rendered every time); what the templates read recorded."""
        if self.keys is not None:
            self.keys.save()
        return mcp_files(self.env, self.api)


def render(
    api: Api, user_templates: Path | None = None, *, spec_name: str = "openapi.yaml", reuse: Reuse | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(files rendered now, files taken as the last run left them), in one process."""
    renderer = Renderer(api, user_templates, spec_name=spec_name, reuse=reuse)
    rendered, reused = renderer.part()
    rendered.update(renderer.finish())
    return rendered, reused


def _jobs(env: jinja2.Environment, api: Api) -> Iterator[tuple[str | None, str, dict[str, Any]]]:
    """Each file as (path, template, context); a static file as (None, path, {"text": text})."""
    templated = _runtime_templates(env)
    for name, text in _static_runtime().items():
        if name not in templated:
            yield None, f"{api.package}/{name}", {"text": text}
    for name, template in templated.items():
        yield f"{api.package}/{name}", template, {"api": api}
    for path, template in PROJECT_FILES.items():
        yield path.format(pkg=api.package), template, {"api": api}
    for resource in api.resources:
        for path, template in RESOURCE_FILES.items():
            yield path.format(pkg=api.package, resource=resource.module), template, {"api": api, "resource": resource}
    path, template = MODEL_FILE
    for model in api.models:
        yield path.format(pkg=api.package, model=model.module), template, {"api": api, "model": model}


def runtime_files(env: jinja2.Environment, api: Api) -> dict[str, str]:
    """The package's runtime: the files of runtime/ verbatim, then what varies per SDK from the templates in
    sdk/package/ (__init__.py, _client.py, _identity.py, _version.py, or any file a user's template overrides)."""
    files = _static_runtime()
    for name, template in _runtime_templates(env).items():
        files[name] = env.get_template(template).render(api=api)
    return {f"{api.package}/{name}": files[name] for name in sorted(files)}


def _static_runtime() -> dict[str, str]:
    files = {path.name: path.read_text(encoding="utf-8") for path in RUNTIME.iterdir() if path.suffix == ".py"}
    files["py.typed"] = ""  # PEP 561: the package ships its own types
    return files


def _runtime_templates(env: jinja2.Environment) -> dict[str, str]:
    """{file name in the package: template} for sdk/package/*.jinja."""
    names = env.list_templates(filter_func=lambda n: n.startswith(RUNTIME_DIR + "/") and n.endswith(".jinja"))
    return {name[len(RUNTIME_DIR) + 1 : -len(".jinja")]: name for name in names}


def _responses_json(resource: PyResource) -> str:
    """Example response bodies for one resource's generated in-process tests, keyed by "resource.method"."""
    bodies = {
        f"{resource.name}.{op.method}": json.loads(op.response.example)
        for op in resource.operations
        if op.response.kind == "json" and op.response.example
    }
    return json.dumps(bodies, indent=2, sort_keys=True, ensure_ascii=False)
