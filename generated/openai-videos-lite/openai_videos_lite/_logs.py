"""Logging setup driven by the SDK's LOG_ENV environment variable (``debug`` or ``info``)."""

from __future__ import annotations

import logging
import os

from ._identity import LOG_ENV

__all__ = ["LOG_ENV", "logger", "setup_logging"]

# named after the package (this module's parent), the logger users configure
logger: logging.Logger = logging.getLogger(__name__.rpartition(".")[0])

_configured = False


def _basic_config() -> None:
    if logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter(
            "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
            "%Y-%m-%d %H:%M:%S",
        )
    )
    logger.addHandler(handler)


def setup_logging() -> None:
    """Enable request logs when the environment variable asks for them (idempotent)."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get(LOG_ENV, "").strip().lower()
    if level == "debug":
        _basic_config()
        logger.setLevel(logging.DEBUG)
    elif level == "info":
        _basic_config()
        logger.setLevel(logging.INFO)
