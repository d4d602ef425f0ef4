"""Chinese everywhere: the bundled CJK font, the zh_CN locale and Qt's own translations."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from jixiao_desktop import resources

UI_POINT_SIZE = 10


def install_font(app: QApplication) -> str:
    """Register the bundled WenQuanYi Micro Hei and make it the application font.

    Returns the family actually used (the system default when the file is missing).
    """
    family = resources.FONT_FAMILY
    path = resources.font_path()
    if path.exists():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family not in families:
            family = families[0]
    font = QFont(family, UI_POINT_SIZE)
    app.setFont(font)
    return family


def install_locale_and_translator(app: QApplication) -> QTranslator | None:
    """zh_CN for numbers and dates, and Qt's own strings (确定/取消) in Chinese.

    The translator is parented to ``app`` so it lives as long as the application.
    """
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    translator = QTranslator(app)
    bundled = resources.resource_path("i18n")
    if translator.load(locale, "qtbase", "_", str(bundled)) or translator.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
        return translator
    return None


def setup_application(app: QApplication) -> None:
    """Everything a window needs before its first widget is built (once per application)."""
    if app.property("jixiao_ready"):
        return
    install_font(app)
    install_locale_and_translator(app)
    app.setProperty("jixiao_ready", True)
