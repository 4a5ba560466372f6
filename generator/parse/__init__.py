"""openapi-pydantic object + target configuration -> the neutral model.Api.

Schemas are typed lazily, on first use, so a named schema is produced for each inline object an operation reaches
and for every component schema. The parts live in one module per concern; ``Parser`` puts them together.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from openapi_pydantic import OpenAPI

from generator.config import Target
from generator.errors import SpecError
from generator.model import Api, Schema
from generator.parse.examples import ExampleBuilder
from generator.parse.operations import Operations
from generator.parse.predicates import SCHEMA_PREFIX
from generator.parse.security import SecurityReader
from generator.parse.units import Record, Units
from generator.pointer import escape


class Parser(Operations):
    def __init__(self, spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any]) -> None:
        super().__init__(spec, target, source=source, raw=raw)
        self.examples = ExampleBuilder(self.resolve, self)
        self.security = SecurityReader(spec, resolve=self.resolve, warnings=self.warnings)

    def api(self, units: Units) -> Api:
        operations = self.operations(units)
        for wire in sorted(self.component_schemas):  # every component schema gets a type, even those no operation uses
            own = SCHEMA_PREFIX[1:] + escape(wire)
            units.run(own, own, functools.partial(self._named_schema, wire, "response"))
        schemas = tuple(s for s in self.lifted.schemas if isinstance(s, Schema))
        info = self.spec.info
        return Api(
            title=info.title,
            description=info.description or "",
            version=info.version,
            base_url=self.spec.servers[0].url if self.spec.servers else None,
            openapi=self.openapi,
            schemas=schemas,
            operations=tuple(operations),
            security=self.security.security(),
            warnings=tuple(dict.fromkeys(self.warnings)),  # a shared schema reached twice warns once
            typed_as_part=tuple(sorted(self.typed_as_part.items())),
        )


def parse_api(spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any]) -> Api:
    return parse_units(spec, target, source=source, raw=raw)[0]


def parse_units(spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any], last: Record | None = None,
                edited: tuple[str, ...] = ()) -> tuple[Api, Units]:
    """The model, and the parse's units (see units.py: ``last``, the record of the parse of the text before the edits
    at ``edited``, lends the units no edit reaches)."""
    parser = Parser(spec, target, source=source, raw=raw)
    units = Units(parser, last, edited)
    try:
        return parser.api(units), units
    except RecursionError:
        building = list(parser.lifted.in_progress)
        raise SpecError(
            f"schemas are nested or chained too deeply to generate ({len(building)} levels of models)",
            file=source,
            pointer=building[-1][0] if building else "",
            hint="split the schema, or break long $ref chains",
        ) from None
    finally:
        units.finish()
        del parser.examples, parser.security  # they hold the parser's resolve: reference counting frees it now
