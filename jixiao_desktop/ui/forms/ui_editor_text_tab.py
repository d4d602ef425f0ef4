# Generated from ui/editor_text_tab.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from jixiao_desktop.ui.editor.live_label import LiveLabel

class Ui_TextTab(object):
    def setupUi(self, TextTab):
        if not TextTab.objectName():
            TextTab.setObjectName(u"TextTab")
        TextTab.resize(900, 640)
        self.mainLayout = QVBoxLayout(TextTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.captionLabel = QLabel(TextTab)
        self.captionLabel.setObjectName(u"captionLabel")
        self.captionLabel.setText(u"")
        self.captionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.captionLabel)

        self.textEdit = QPlainTextEdit(TextTab)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.textEdit)

        self.countLabel = LiveLabel(TextTab)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.mainLayout.addWidget(self.countLabel)

#if QT_CONFIG(shortcut)
        self.captionLabel.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TextTab)

        QMetaObject.connectSlotsByName(TextTab)
    # setupUi

    def retranslateUi(self, TextTab):
        pass
    # retranslateUi

