"""What sets this SDK apart from other sdkforge SDKs: the static runtime modules import these names."""

# the product name in the User-Agent header
DISTRIBUTION = "openai-videos-lite"
# the environment variable that turns on request logs (debug or info)
LOG_ENV = "OPENAI_VIDEOS_LITE_LOG"


class OpenAIVideosLiteError(Exception):
    """Base class of every error raised by this SDK."""


# the name the static runtime imports it by
ErrorBase = OpenAIVideosLiteError
