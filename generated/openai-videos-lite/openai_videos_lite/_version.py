__title__ = "openai_videos_lite"
__version__ = "0.1.0"
