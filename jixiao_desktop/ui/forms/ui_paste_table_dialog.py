# Generated from ui/paste_table_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PasteTableDialog(object):
    def setupUi(self, PasteTableDialog):
        if not PasteTableDialog.objectName():
            PasteTableDialog.setObjectName(u"PasteTableDialog")
        PasteTableDialog.resize(820, 600)
        self.dialogLayout = QVBoxLayout(PasteTableDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(PasteTableDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.textEdit = QPlainTextEdit(PasteTableDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.dialogLayout.addWidget(self.textEdit)

        self.errorLabel = QLabel(PasteTableDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PasteTableDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(PasteTableDialog)

        QMetaObject.connectSlotsByName(PasteTableDialog)
    # setupUi

    def retranslateUi(self, PasteTableDialog):
        PasteTableDialog.setWindowTitle(QCoreApplication.translate("PasteTableDialog", u"\u7c98\u8d34\u4e0a\u5e74\u8868\u683c", None))
        self.hintLabel.setText(QCoreApplication.translate("PasteTableDialog", u"\u5728 Word \u6216 WPS \u4e2d\u6253\u5f00\u4e0a\u5e74\u7684\u7533\u62a5\u8868\uff0c\u70b9\u8868\u683c\u5de6\u4e0a\u89d2\u7684\u5341\u5b57\u6807\u8bb0\u9009\u4e2d\u6574\u5f20\u8868\uff08\u8fde\u540c\u4e0a\u9762\u7684\u6807\u9898\u548c\u5e74\u5ea6\uff09\uff0c\u6309 Ctrl+C \u590d\u5236\uff0c\u518d\u5728\u4e0b\u9762\u6309 Ctrl+V \u7c98\u8d34\u3002\u7a0b\u5e8f\u6309\u201c\u90e8\u95e8\uff08\u5355\u4f4d\uff09\u540d\u79f0\u201d\u201c\u7ee9\u6548\u6307\u6807\u201d\u7b49\u6807\u7b7e\u8bc6\u522b\u5404\u680f\uff0c\u5bfc\u5165\u524d\u5148\u7ed9\u60a8\u9884\u89c8\u3002", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("PasteTableDialog", u"\u5728\u8fd9\u91cc\u7c98\u8d34\uff08Ctrl+V\uff09\u4ece Word \u590d\u5236\u7684\u7533\u62a5\u8868\u2026\u2026", None))
        self.errorLabel.setText("")
    # retranslateUi

