"""The form editor widget (tabs, table models, undo commands) embedded by the main window."""

from jixiao_desktop.ui.editor.editor import FormEditor

__all__ = ["FormEditor"]
