# Generated from ui/recycle_bin_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_RecycleBinDialog(object):
    def setupUi(self, RecycleBinDialog):
        if not RecycleBinDialog.objectName():
            RecycleBinDialog.setObjectName(u"RecycleBinDialog")
        RecycleBinDialog.resize(680, 400)
        self.dialogLayout = QVBoxLayout(RecycleBinDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(RecycleBinDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.deletedTable = QTableView(RecycleBinDialog)
        self.deletedTable.setObjectName(u"deletedTable")
        self.deletedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deletedTable.setAlternatingRowColors(True)
        self.deletedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deletedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.bodyLayout.addWidget(self.deletedTable)

        self.buttonLayout = QVBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.restoreButton = QPushButton(RecycleBinDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonLayout.addWidget(self.restoreButton)

        self.purgeButton = QPushButton(RecycleBinDialog)
        self.purgeButton.setObjectName(u"purgeButton")

        self.buttonLayout.addWidget(self.purgeButton)

        self.buttonSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.bodyLayout.addLayout(self.buttonLayout)


        self.dialogLayout.addLayout(self.bodyLayout)

        self.buttonBox = QDialogButtonBox(RecycleBinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(RecycleBinDialog)

        QMetaObject.connectSlotsByName(RecycleBinDialog)
    # setupUi

    def retranslateUi(self, RecycleBinDialog):
        RecycleBinDialog.setWindowTitle(QCoreApplication.translate("RecycleBinDialog", u"\u56de\u6536\u7ad9", None))
        self.hintLabel.setText(QCoreApplication.translate("RecycleBinDialog", u"\u5220\u9664\u7684\u8868\u5355\u7559\u5728\u8fd9\u91cc\uff0c\u53ef\u4ee5\u6062\u590d\uff1b\u201c\u5f7b\u5e95\u5220\u9664\u201d\u540e\u65e0\u6cd5\u627e\u56de\u3002", None))
        self.restoreButton.setText(QCoreApplication.translate("RecycleBinDialog", u"\u6062\u590d(&R)", None))
        self.purgeButton.setText(QCoreApplication.translate("RecycleBinDialog", u"\u5f7b\u5e95\u5220\u9664(&D)\u2026", None))
    # retranslateUi

