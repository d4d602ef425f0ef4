"""The window fixtures of tests/ui (a patched message box, a window on a tmp database)."""

from tests.ui.conftest import db_path, make_window, messages  # noqa: F401
