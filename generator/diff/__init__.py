"""``sdkforge diff OLD_SPEC NEW_SPEC``: the SDK-surface changes between two neutral models, breaking or not.

Both specs are parsed to neutral models (model.Api) and compared by wire identity: operations by HTTP method and
path, parameters by location and wire name, schemas by component name (an inline schema by the place it was lifted
from), properties by wire name, types by their neutral expressions (a reference by the schema it names). What is
left unpaired is paired by the name the target gives it (a schema renamed in the spec whose SDK name stays is the same
type). Each change is reported through the target's surface (surface.Surface): where users meet it and the old and
new annotations. A renamed schema that keeps its SDK name, reordered keys or a changed description produce no change.

Classification rules
--------------------
Every named type gets a *direction* from how the operations use it (following references through fields and
aliases): ``in`` when it reaches a request (method parameters, request TypedDicts), ``out`` when it reaches a
response (return types, response models), both when both. A type no operation reaches is treated as ``in`` for a
TypedDict and as both directions otherwise (a user may construct or read it; conservative). Method parameters are
always ``in``. The union of the old and new directions is used.

A type change is judged by substitutability:

* ``in`` (values the user sends): compatible when the new type accepts every value the old one did (widening:
  ``Literal[...] -> str``, adding a union member, ``int -> float``, ``X -> Optional[X]``, a closed enum gaining a
  value, closed -> open enum), otherwise breaking.
* ``out`` (values the user receives): compatible when every value of the new type was a value of the old one
  (narrowing: ``Optional[X] -> X``, a union losing a member, a closed enum losing a value); otherwise breaking --
  users' code may not handle ``None`` or the new value (an open enum gaining a value stays compatible: its type
  already admits any value of the base type).
* both directions: only a change that is compatible both ways.

================================  ===============================================================================
change                            breaking?
================================  ===============================================================================
method_added                      no
method_removed                    yes
param_added                       yes when required, no when optional
param_removed                     yes
param_made_required               yes
param_made_optional               no
param_now_keyword_only            yes (a path parameter, passed positionally, became keyword-only)
positional_params_reordered       yes
param_retyped                     by the ``in`` rule above
param_made_nullable               no
param_made_non_nullable           yes
return_type_changed               yes, unless the new return type is a narrowing of the old one
model_added                       no
model_removed                     yes
model_kind_changed                yes (pydantic model <-> TypedDict <-> type alias)
field_added                       yes for a required key of a request-side type, otherwise no
field_removed                     yes
field_made_required               yes on the request side, no on the response side
field_made_optional               yes on the response side (the attribute may be ``None``), no on the request side
field_retyped / alias_retyped     by the direction rules above
field_made_nullable               yes on the response side, no on the request side
field_made_non_nullable           yes on the request side, no on the response side
enum_value_added                  for strict clients (level "strict") for a closed enum on the response side:
                                  no call and no read fails, code matching every value or validating does;
                                  otherwise no
enum_value_removed                yes for a closed enum on the request side, otherwise no (a response that can no
                                  longer carry a value breaks no code; an open enum still accepts the value)
enum_closed                       yes on the request side (open -> closed), no on the response side
enum_opened                       yes on the response side (closed -> open), no on the request side
method_renamed, param_renamed,    yes (the same wire operation, parameter, schema or property got another SDK
model_renamed, field_renamed      name: code using the old name fails)
*_deprecated                      no
================================  ===============================================================================

Where a change is: ``videos.remix`` (method), ``videos.remix(prompt)`` (parameter), ``videos.remix -> return``,
``types.Video`` (model or alias), ``types.Video.status`` (field).

One spec change is one entry: a request body the method takes as parameters reports its changes on the parameters
only (not again on the body's model), a field or parameter that became optional and nullable at once is one
``*_made_optional``. A write-only field is judged as sent only, a read-only one as received only. Every change on an
operation carries its ``route`` (``POST /videos/{video_id}/remix``).

Levels: ``breaking``, ``strict`` (breaks only strict clients), ``compatible``, ``accepted`` (the configuration's
``[tool.sdkforge.diff] accept`` list matched it: kind, where and route, ``*`` globs allowed; diff/accept.py).

JSON output (``--format json``), a stable shape (keys and order fixed, ``version`` bumps on incompatible change)::

    {
      "version": 2,
      "old": "<old spec path>", "new": "<new spec path>",
      "summary": {"breaking": <int>, "strict": <int>, "compatible": <int>, "accepted": <int>},
      "changes": [
        {"kind": "method_removed", "level": "breaking", "breaking": true, "route": "DELETE /videos/{video_id}",
         "where": "videos.delete", "reason": "...", "old": "<annotation or null>", "new": "<annotation or null>",
         "accepted": "<why, or null>"},
        ...
      ]
    }

``changes`` is sorted by level (breaking first), then by ``where``, ``kind`` and ``reason``.

Exit status: 0; 1 with ``--fail-on-breaking`` when a change is breaking (``--strict-clients``: or strict), accepted
ones aside; 2 on usage errors or unreadable specs.
"""

from generator.diff.changes import Change, sort_changes
from generator.diff.compare import diff_apis
from generator.diff.surface import Side, Surface

__all__ = ["Change", "Side", "Surface", "diff_apis", "sort_changes"]
