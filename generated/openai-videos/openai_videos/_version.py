__title__ = "openai_videos"
__version__ = "0.1.0"
