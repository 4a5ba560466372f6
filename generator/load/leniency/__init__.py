"""Normalise what real specs get wrong but mean clearly, before openapi-pydantic parses the document.

``scan(doc)`` walks the loaded data once (``walk``) and returns one ``Finding`` per sloppy construct: a rule id, a
message, the place and a ``fix`` that rewrites the data in place. The caller locates and reports the findings (their
level comes from the validate rules, so a finding can be turned off or into an error) and then ``apply``s every fix,
so positions are read from the data as the author wrote it. Nothing here raises: what cannot be understood is left
for the structural parse to refuse.

Handled (rule ids in ``validate/rules.py``), by family:

``structure`` -- the shape of the document:
* SF017 a status code read by YAML as a number (``200:``) becomes the string "200";
* SF064 no ``paths`` (3.0, or 3.1 with webhooks): a 3.0 document gets an empty one; the SDK has no operations;
* SF065 a response without ``description`` gets an empty one;
* SF066 a boolean schema where an object is expected (``items: true``, ``unevaluatedProperties: false``) becomes
  ``{}`` or ``{not: {}}``;
* SF070 an unquoted ``null`` in a ``type`` list (YAML's null) is read as the type ``"null"``;
* SF073 ``content:`` with nothing under it (its media type indented too little, a stray key beside it) is no content.

``keywords`` -- schema keywords of the other OpenAPI version, or written the YAML 1.1 way:
* SF060 ``enum: []`` is no enum;
* SF061 a numeric ``exclusiveMinimum`` / ``exclusiveMaximum`` (3.1 form) in a 3.0 document becomes ``minimum`` plus
  ``exclusiveMinimum: true``; SF062 the boolean 3.0 form in a 3.1 document becomes the numeric form;
* SF063 a YAML 1.1 boolean (``NO``, ``yes``, ``on``...) in a string enum becomes the text the author wrote;
* SF067 ``const`` in a 3.0 document becomes a one-value ``enum``;
* SF068 ``nullable: true`` in a 3.1 document is reported (sdkforge reads it as before; off by default);
* SF069 a schema's ``examples`` written as a map of Example Objects becomes the list of their values.

``refs`` -- a `$ref` where OpenAPI allows none (SF071 an operation, SF072 a description): the facts; bundling and
validation follow them with their own resolution.

A file a `$ref` reaches is read the same way (``scan_part``), so a finding never depends on the file it is in.
"""

from generator.load.leniency.finding import Finding, Scan, apply, pointer_of
from generator.load.leniency.walk import scan, scan_part

__all__ = ["Finding", "Scan", "apply", "pointer_of", "scan", "scan_part"]
