"""Polling helpers of a resource (``poll``, ``createAndPoll``) from the target's polling configuration."""

from __future__ import annotations

from generator.config import Target
from generator.errors import SpecError
from generator.targets.typescript import naming
from generator.targets.typescript.shapes import TsOperation, TsPolling


def polling(target: Target, source: str, resource: str, ops: list[TsOperation]) -> TsPolling | None:
    config = target.polling.get(resource)
    if config is None:
        return None
    by_method = {op.config_key.rpartition(".")[2]: op for op in ops}
    retrieve = by_method.get(naming.snake(config.retrieve))
    if retrieve is None or not retrieve.path_params or retrieve.params_required:
        raise SpecError(f"polling for {resource!r}: no retrieve operation {config.retrieve!r} with a path parameter",
                        file=source, hint="name the retrieve method in [tool.sdkforge.targets.polling]")
    create = by_method.get(naming.snake(config.create)) if config.create else None
    if create is not None and len(retrieve.path_params) != 1:
        create = None  # the created value's id fills only one path parameter
    taken = {op.method for op in ops}
    return TsPolling(
        const="POLL",
        retrieve=retrieve,
        create=create,
        poll_method=naming.unique("poll", taken),
        create_method=naming.unique(create.method + "AndPoll", taken) if create else "",
        id_field=config.id_field,
        status_field=config.status_field,
        pending=tuple(config.pending),
        interval_header=config.interval_header,
        default_interval_ms=config.default_interval_ms,
    )
