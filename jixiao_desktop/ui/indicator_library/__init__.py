"""The indicator library (指标库) in the window: its page, and what it adds to the editor
(suggestions while typing a 三级 name, 推荐, 纳入指标库, past values, the contradiction hint).

Everything goes through ``usecases.indicator_library.IndicatorLibrary``; nothing here reads the
database or a workbook itself."""
