__title__ = "sdk"
__version__ = "0.0.0"
