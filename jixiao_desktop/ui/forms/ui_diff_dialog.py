# Generated from ui/diff_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
    QLabel, QSizePolicy, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_DiffDialog(object):
    def setupUi(self, DiffDialog):
        if not DiffDialog.objectName():
            DiffDialog.setObjectName(u"DiffDialog")
        DiffDialog.resize(820, 560)
        self.dialogLayout = QVBoxLayout(DiffDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLabel = QLabel(DiffDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.headerLabel)

        self.diffView = QTextBrowser(DiffDialog)
        self.diffView.setObjectName(u"diffView")
        self.diffView.setOpenLinks(False)

        self.dialogLayout.addWidget(self.diffView)

        self.buttonBox = QDialogButtonBox(DiffDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(DiffDialog)

        QMetaObject.connectSlotsByName(DiffDialog)
    # setupUi

    def retranslateUi(self, DiffDialog):
        DiffDialog.setWindowTitle(QCoreApplication.translate("DiffDialog", u"\u6bd4\u8f83\u7248\u672c", None))
    # retranslateUi

