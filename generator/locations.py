"""Where the built-in templates are: inside the installed package, or beside it in a source checkout."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
if not TEMPLATES.is_dir():  # running from a source checkout: templates/ sits beside generator/
    TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
