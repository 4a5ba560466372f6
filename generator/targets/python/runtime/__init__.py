"""The static runtime every generated SDK copies into its package verbatim (relative imports only).

This file, _identity.py and _version.py are stand-ins: each SDK gets its own from templates/sdk/package/, and the
stand-ins exist only so that ruff and mypy can check this folder as the package it becomes.
"""
