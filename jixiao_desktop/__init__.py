"""绩效目标申报助手: fill in the 部门整体支出绩效目标申报表 correctly, offline."""

__version__ = "0.1.0"
APP_NAME = "绩效目标申报助手"
APP_ID = "jixiao-desktop"
