"""sdkforge: OpenAPI 3.0/3.1 -> a typed Python SDK (sync and async clients on httpx, pydantic v2 types)."""

__version__ = "0.1.0"
