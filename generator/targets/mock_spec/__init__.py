"""The copy of the spec that a generated SDK's tests serve with Prism.

Usually the spec's own text. Where a spec makes Prism answer what no client can take, or where Prism 5 itself cannot
read it, the copy differs (each module says why, with its measured Prism behaviour):

- ``answers``: a response example of another kind than its schema (an array for an object) is left out.
- ``responses``: a response header only the HTTP layer may set (``Transfer-Encoding``...: Prism fakes one that no
  client accepts) is left out; an operation without a success response gets a ``204`` (the SDK returns None); a
  body of a media type Prism cannot write (YAML...) is text.
- ``no_content``: a ``204`` that declares content is a ``200`` (Prism sends a 204 without a body).
- ``parameters``: an array parameter's schema loses its null (a parameter is never sent as null); a parameter whose
  style Prism's reader crashes on becomes a plain string; a path parameter the template lacks is left out; an
  exploded form object gets the properties its anyOf/oneOf/allOf parts declare (Prism finds its keys by them).
- ``bodies``: a form part whose encoding style Prism's reader crashes on loses that encoding and its schema; an
  array field of a form may also be its item (one item arrives as one pair).
- ``brackets``: a multipart object field with no encoding is declared ``deepObject`` (the SDKs send ``name[key]``
  parts), a list field is described under the ``name[]`` its parts carry.
- ``text_bodies``: a request body Prism reads as text (not JSON, not a form: ndjson, XML) is checked as a string.
- ``path_names``: a path parameter whose name holds a regular-expression character is renamed (Prism cannot route it).
- ``routes``: a path parameter sent as its default is written into a template that collides with another (Prism
  would route the request to the other).
- ``security``: a requirement joining two schemes that both want the ``Authorization`` header keeps the one sent.
- ``schemas``: an ``allOf`` no value can meet is the part the SDK types it as; a ``oneOf`` is an ``anyOf``; a
  string ``format`` longer than its ``maxLength`` allows is left out.
- ``samples``: a response too large for Prism to sample from its schema gets the example the SDK's tests use.
- ``examples``: an example holding a ``$ref`` that leads nowhere (another file, a missing pointer) is left out
  (Prism resolves it and does not start).
- ``unfolding``: where Prism would unfold the references into a tree too large to start in time, references inside
  schemas (those closing a cycle, then the heaviest) stand in for their target with its type alone.

Rewriting costs one ``json.dumps`` of the loaded data (JSON is YAML, so the copy keeps its file name), and only specs
that need an edit pay it; the loaded data is never modified.
"""

from __future__ import annotations

import json

from generator.load.document import Document
from generator.model import Api
from generator.targets.mock_spec import (
    answers,
    bodies,
    examples,
    no_content,
    parameters,
    path_names,
    places,
    responses,
    routes,
    samples,
    schemas,
    security,
    text_bodies,
    unfolding,
)
from generator.targets.mock_spec.edits import edited, json_default, merged

FAMILIES = (responses.without_hop_by_hop, responses.with_success_responses, responses.serializable_media,
            parameters.nullable_arrays, parameters.unreadable_styles, parameters.outside_template,
            parameters.exploded_object_keys,
            bodies.readable_forms, path_names.routable_names, routes.pinned_defaults, security.one_authorization_header,
            no_content.as_ok, answers.of_their_schemas_kind, text_bodies.as_text)


def mock_spec_text(doc: Document, api: Api | None = None) -> str:
    """The text to write as the generated tests' spec copy: ``doc.text``, or JSON with the edits above (those that
    follow the SDK's reading of the spec take it from ``api``, the neutral model)."""
    walked = places.mappings(doc.data)  # one walk of the whole document, for the two families that look everywhere
    edits = merged(*(family(doc.data) for family in FAMILIES), schemas.as_the_sdk_reads(walked),
                   examples.without_broken_refs(doc.data, walked), unfolding.within_budget(doc.data, walked))
    if api is not None:
        edits = merged(edits, schemas.as_typed(doc.data, api.typed_as_part),
                       samples.examples_where_too_large(doc.data, api.operations))
    if not edits:
        return doc.text
    return json.dumps(edited(doc.data, edits), ensure_ascii=False, default=json_default)
