"""pytest plugin for a corpus SDK's own tests: run an evenly spaced sample of at most $SDKFORGE_TEST_SAMPLE tests.

Tests are collected module by module, so evenly spaced picks reach every module of a large SDK. The sample is fixed
by the collection order, so a failure reproduces on the next run.
"""

from __future__ import annotations

import os

import pytest


@pytest.hookimpl(trylast=True)  # after -k has deselected the Prism tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    cap = int(os.environ.get("SDKFORGE_TEST_SAMPLE") or 0)
    if not cap or len(items) <= cap:
        return
    picks = {len(items) * i // cap for i in range(cap)}
    config.hook.pytest_deselected(items=[item for n, item in enumerate(items) if n not in picks])
    items[:] = [item for n, item in enumerate(items) if n in picks]
