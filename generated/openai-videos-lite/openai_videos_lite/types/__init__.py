"""Types of OpenAI Videos API: one module per schema, imported lazily on attribute access."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .create_video_body import CreateVideoBody as CreateVideoBody
    from .deleted_video import DeletedVideo as DeletedVideo
    from .error import Error as Error
    from .error_response import ErrorResponse as ErrorResponse
    from .sort_order import SortOrder as SortOrder
    from .video import Video as Video
    from .video_content_variant import VideoContentVariant as VideoContentVariant
    from .video_create_error import VideoCreateError as VideoCreateError
    from .video_extend_body import VideoExtendBody as VideoExtendBody
    from .video_list_response import VideoListResponse as VideoListResponse
    from .video_model import VideoModel as VideoModel
    from .video_reference import VideoReference as VideoReference
    from .video_remix_body import VideoRemixBody as VideoRemixBody
    from .video_seconds import VideoSeconds as VideoSeconds
    from .video_size import VideoSize as VideoSize
    from .video_status import VideoStatus as VideoStatus

_MODULES = {
    "CreateVideoBody": "create_video_body",
    "DeletedVideo": "deleted_video",
    "Error": "error",
    "ErrorResponse": "error_response",
    "SortOrder": "sort_order",
    "Video": "video",
    "VideoContentVariant": "video_content_variant",
    "VideoCreateError": "video_create_error",
    "VideoExtendBody": "video_extend_body",
    "VideoListResponse": "video_list_response",
    "VideoModel": "video_model",
    "VideoReference": "video_reference",
    "VideoRemixBody": "video_remix_body",
    "VideoSeconds": "video_seconds",
    "VideoSize": "video_size",
    "VideoStatus": "video_status",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
