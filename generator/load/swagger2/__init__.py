"""Swagger 2.0 documents upgraded to the OpenAPI 3.0 document the rest of sdkforge reads (``upgrade.upgrade``).

One module per concern: servers (host, basePath, schemes), media (consumes, produces), parameters (non-body
parameters, collectionFormat), bodies (``in: body`` and ``in: formData`` as request bodies; responses), security
(securityDefinitions), schemas (definitions, ``$ref``s, x-nullable, string discriminators, ``type: file``,
x-example), structure (the 2.0 checks ``sdkforge validate`` reports), origins (where an upgraded part came from).
"""

from __future__ import annotations

from typing import Any


def is_swagger2(data: Any) -> bool:
    """Whether loaded data is a Swagger 2.0 document (``swagger: "2.0"``)."""
    if not isinstance(data, dict) or "openapi" in data:
        return False
    version = data.get("swagger")
    return isinstance(version, (str, int, float)) and str(version).startswith("2")
