"""The tabs of the form editor, one module each; ``base`` holds the ``EditorPort`` they talk to."""

from jixiao_desktop.ui.editor.tabs.base import EditorPort, EditorTab
from jixiao_desktop.ui.editor.tabs.basic import BasicTab
from jixiao_desktop.ui.editor.tabs.evaluation import EvaluationTab
from jixiao_desktop.ui.editor.tabs.items import IndicatorItemsTab
from jixiao_desktop.ui.editor.tabs.rows import IndicatorRowsTab
from jixiao_desktop.ui.editor.tabs.text import TextTab

__all__ = ["BasicTab", "EditorPort", "EditorTab", "EvaluationTab", "IndicatorItemsTab", "IndicatorRowsTab", "TextTab"]
