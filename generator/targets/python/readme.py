"""Which operations the generated README uses for each usage example.

The choice is made here, in Python, so the README template only prints. Every example is built from the spec's own
examples (``Operation.call_required``) and is executed by the generated tests against Prism.
"""

from __future__ import annotations

from generator.frozen import frozen
from generator.targets.python.expressions import FileType
from generator.targets.python.shapes import PyApi as Api
from generator.targets.python.shapes import PyOperation as Operation
from generator.targets.python.shapes import PyResource as Resource


@frozen
class Example:
    resource: Resource
    op: Operation

    @property
    def call(self) -> str:
        return f"client.{self.resource.name}.{self.op.method}({self.args})"

    @property
    def args(self) -> str:
        return ", ".join(self.op.call_required)

    @property
    def upload_call(self) -> str:
        """The call with its first file part given as a (filename, bytes, mime) tuple."""
        assert self.op.body is not None
        param = next(p for p in self.op.body.params if p.wire_name in self.op.body.file_fields)
        upload = '("reference.png", b"<png bytes>", "image/png")'
        file_arg = f"{param.py_name}={upload if isinstance(param.type, FileType) else '[' + upload + ']'}"
        # a required file is already among the required arguments: give it the tuple instead of adding it twice
        args = [a for a in self.op.call_required if not a.startswith(param.py_name + "=")]
        return f"client.{self.resource.name}.{self.op.method}({', '.join((*args, file_arg))})"

    @property
    def poll_call(self) -> str:
        assert self.op.create_and_poll is not None
        return f"client.{self.resource.name}.{self.op.create_and_poll.create_and_poll}({self.args})"


@frozen
class ReadmeExamples:
    headline: Example | None  # a call returning a model, shown first
    paginated: Example | None
    polled: Example | None  # an operation with create_and_poll
    upload: Example | None
    download: Example | None
    retrievable: Example | None  # a GET with a path parameter, for errors and raw responses


def _all(api: Api) -> list[Example]:
    return [Example(r, op) for r in api.resources for op in r.operations]


def _first(examples: list[Example], wanted: object) -> Example | None:
    return next((e for e in examples if wanted(e)), None)  # type: ignore[operator]


def readme_examples(api: Api) -> ReadmeExamples:
    examples = [e for e in _all(api) if not e.op.deprecated] or _all(api)
    models = [e for e in examples if e.op.response.model_class and not e.op.pagination]
    return ReadmeExamples(
        headline=_first(models, lambda e: e.op.http_method == "post") or (models[0] if models else None),
        paginated=_first(examples, lambda e: e.op.pagination is not None),
        polled=_first(examples, lambda e: e.op.create_and_poll is not None),
        upload=_first(examples, lambda e: bool(e.op.body and e.op.body.file_fields)),
        download=_first(examples, lambda e: e.op.response.kind == "binary" and bool(e.op.call_odd_id)),
        retrievable=_first(models, lambda e: e.op.http_method == "get" and bool(e.op.call_odd_id)),
    )
