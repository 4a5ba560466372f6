"""The MCP server beside a Python SDK: one tool per operation, planned from the neutral model and called through the
generated async client (tools.py plans, schemas.py spells JSON Schema, files.py writes; runtime/ is the server)."""
