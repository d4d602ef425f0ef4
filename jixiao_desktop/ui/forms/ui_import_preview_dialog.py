# Generated from ui/import_preview_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(900, 680)
        self.dialogLayout = QVBoxLayout(ImportPreviewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.splitter = QSplitter(ImportPreviewDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.fieldsTree = QTreeWidget(self.splitter)
        self.fieldsTree.setObjectName(u"fieldsTree")
        self.fieldsTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fieldsTree.setAlternatingRowColors(True)
        self.fieldsTree.setWordWrap(True)
        self.fieldsTree.setUniformRowHeights(False)
        self.splitter.addWidget(self.fieldsTree)
        self.lowerPane = QWidget(self.splitter)
        self.lowerPane.setObjectName(u"lowerPane")
        self.lowerLayout = QHBoxLayout(self.lowerPane)
        self.lowerLayout.setObjectName(u"lowerLayout")
        self.lowerLayout.setContentsMargins(0, 0, 0, 0)
        self.warningsLayout = QVBoxLayout()
        self.warningsLayout.setObjectName(u"warningsLayout")
        self.warningsLabel = QLabel(self.lowerPane)
        self.warningsLabel.setObjectName(u"warningsLabel")

        self.warningsLayout.addWidget(self.warningsLabel)

        self.warningsList = QListWidget(self.lowerPane)
        self.warningsList.setObjectName(u"warningsList")
        self.warningsList.setWordWrap(True)
        self.warningsList.setAlternatingRowColors(True)

        self.warningsLayout.addWidget(self.warningsList)


        self.lowerLayout.addLayout(self.warningsLayout)

        self.checksLayout = QVBoxLayout()
        self.checksLayout.setObjectName(u"checksLayout")
        self.checksLabel = QLabel(self.lowerPane)
        self.checksLabel.setObjectName(u"checksLabel")

        self.checksLayout.addWidget(self.checksLabel)

        self.checksList = QListWidget(self.lowerPane)
        self.checksList.setObjectName(u"checksList")
        self.checksList.setWordWrap(True)
        self.checksList.setAlternatingRowColors(True)

        self.checksLayout.addWidget(self.checksList)


        self.lowerLayout.addLayout(self.checksLayout)

        self.splitter.addWidget(self.lowerPane)

        self.dialogLayout.addWidget(self.splitter)

        self.carryCheck = QCheckBox(ImportPreviewDialog)
        self.carryCheck.setObjectName(u"carryCheck")

        self.dialogLayout.addWidget(self.carryCheck)

        self.carryHint = QLabel(ImportPreviewDialog)
        self.carryHint.setObjectName(u"carryHint")
        self.carryHint.setWordWrap(True)
        self.carryHint.setIndent(24)

        self.dialogLayout.addWidget(self.carryHint)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ImportPreviewDialog)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u5bfc\u5165\u9884\u89c8", None))
        self.summaryLabel.setText("")
        ___qtreewidgetitem = self.fieldsTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportPreviewDialog", u"\u8bc6\u522b\u5230\u7684\u5185\u5bb9", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportPreviewDialog", u"\u680f\u76ee", None))
        self.warningsLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u5bfc\u5165\u65f6\u9700\u8981\u6ce8\u610f\uff08\u672a\u80fd\u653e\u5165\u8868\u5355\u7684\u5185\u5bb9\u539f\u6587\u7167\u5f55\uff09\uff1a", None))
        self.checksLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u68c0\u67e5\u7ed3\u679c\uff1a", None))
        self.carryCheck.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u8fd9\u662f\u4e0a\u4e00\u5e74\u5ea6\u7684\u8868\uff1a\u5bfc\u5165\u540e\u76f4\u63a5\u201c\u7ee7\u627f\u4e0a\u5e74\u201d", None))
        self.carryHint.setText("")
    # retranslateUi

