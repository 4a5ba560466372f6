"""The marker on operations the API deprecates: type checkers read typing_extensions' ``deprecated``; at run time
a wrapper of our own warns on each call. Ours because typing_extensions imports asyncio (tens of milliseconds) to
wrap a coroutine function on Python < 3.12, and every async resource has one."""

from __future__ import annotations

import functools
import inspect
import warnings
from typing import TYPE_CHECKING, Any, Callable, TypeVar

__all__ = ["deprecated"]

_F = TypeVar("_F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from typing_extensions import deprecated
else:

    def deprecated(message: str) -> Callable[[_F], _F]:
        def mark(func: _F) -> _F:
            if inspect.iscoroutinefunction(func):

                @functools.wraps(func)
                async def awaited(*args: Any, **kwargs: Any) -> Any:
                    warnings.warn(message, DeprecationWarning, stacklevel=2)
                    return await func(*args, **kwargs)

                wrapper: Any = awaited
            else:

                @functools.wraps(func)
                def called(*args: Any, **kwargs: Any) -> Any:
                    warnings.warn(message, DeprecationWarning, stacklevel=2)
                    return func(*args, **kwargs)

                wrapper = called
            wrapper.__deprecated__ = message
            return wrapper

        return mark
