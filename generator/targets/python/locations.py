"""Where the Python target's templates are: shipped inside the package."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
