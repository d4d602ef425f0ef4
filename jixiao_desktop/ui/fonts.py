"""Chinese everywhere: the bundled CJK font, the zh_CN locale and Qt's own translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from jixiao_desktop import resources

UI_POINT_SIZE = 10


def _add_font(path: Path, family: str) -> str | None:
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    return family if family in families else families[0]


def install_font(app: QApplication) -> str:
    """Register the bundled WenQuanYi Micro Hei and make it the application font, with the
    bundled Song face (AR PL UMing CN) behind it for what 微米黑 cannot draw (℃ Ⅴ ǎ …).

    Returns the family actually used (the system default when the file is missing).
    """
    family = _add_font(resources.font_path(), resources.FONT_FAMILY) or resources.FONT_FAMILY
    song = _add_font(resources.song_font_path(), resources.SONG_FAMILY)
    font = QFont(family, UI_POINT_SIZE)
    if song:
        font.setFamilies([family, song])
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
        # Strings whose source text changed in Qt 6.11 ("&Look in:", "Files of &type:" in the
        # file dialog) that qtbase_zh_CN.qm lacks. Installed last, so it is asked first.
        supplement = QTranslator(app)
        if supplement.load(str(bundled / "jixiao_qt_zh_CN.qm")):
            app.installTranslator(supplement)
        return translator
    return None


def setup_application(app: QApplication) -> None:
    """Everything a window needs before its first widget is built (once per application)."""
    if app.property("jixiao_ready"):
        return
    install_font(app)
    install_locale_and_translator(app)
    app.setProperty("jixiao_ready", True)
