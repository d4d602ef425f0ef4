# Generated from ui/indicator_library_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_IndicatorLibraryDialog(object):
    def setupUi(self, IndicatorLibraryDialog):
        if not IndicatorLibraryDialog.objectName():
            IndicatorLibraryDialog.setObjectName(u"IndicatorLibraryDialog")
        IndicatorLibraryDialog.resize(960, 600)
        self.dialogLayout = QVBoxLayout(IndicatorLibraryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchLabel = QLabel(IndicatorLibraryDialog)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(IndicatorLibraryDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.searchEdit)

        self.sourceCombo = QComboBox(IndicatorLibraryDialog)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.searchLayout.addWidget(self.sourceCombo)

        self.countLabel = QLabel(IndicatorLibraryDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.searchLayout.addWidget(self.countLabel)


        self.dialogLayout.addLayout(self.searchLayout)

        self.splitter = QSplitter(IndicatorLibraryDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.entriesView = QTableView(self.splitter)
        self.entriesView.setObjectName(u"entriesView")
        self.entriesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entriesView.setAlternatingRowColors(True)
        self.entriesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entriesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entriesView.setWordWrap(False)
        self.splitter.addWidget(self.entriesView)
        self.detailEdit = QPlainTextEdit(self.splitter)
        self.detailEdit.setObjectName(u"detailEdit")
        self.detailEdit.setReadOnly(True)
        self.splitter.addWidget(self.detailEdit)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(IndicatorLibraryDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonLayout.addWidget(self.addButton)

        self.editButton = QPushButton(IndicatorLibraryDialog)
        self.editButton.setObjectName(u"editButton")

        self.buttonLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(IndicatorLibraryDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonLayout.addWidget(self.deleteButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(IndicatorLibraryDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(IndicatorLibraryDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.closeButton = QPushButton(IndicatorLibraryDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IndicatorLibraryDialog)

        QMetaObject.connectSlotsByName(IndicatorLibraryDialog)
    # setupUi

    def retranslateUi(self, IndicatorLibraryDialog):
        IndicatorLibraryDialog.setWindowTitle(QCoreApplication.translate("IndicatorLibraryDialog", u"\u6307\u6807\u5e93", None))
        self.searchLabel.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u67e5\u627e(&F)\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u8f93\u5165\u6307\u6807\u540d\u79f0\u6216\u5173\u952e\u8bcd\uff0c\u5982\uff1a\u6ee1\u610f\u5ea6\u3001\u57f9\u8bad\u3001\u6210\u672c", None))
        self.countLabel.setText("")
        self.detailEdit.setPlaceholderText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u9009\u4e2d\u4e00\u6761\u6307\u6807\uff0c\u8fd9\u91cc\u663e\u793a\u5b83\u7684\u5168\u90e8\u5185\u5bb9\u3001\u6765\u6e90\u6587\u4ef6\u548c\u672c\u5355\u4f4d\u5f80\u5e74\u7684\u6307\u6807\u503c\u3002", None))
        self.addButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u65b0\u589e(&N)\u2026", None))
        self.editButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u4fee\u6539(&E)\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u5220\u9664(&D)", None))
        self.importButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u5bfc\u5165(&I)\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u5bfc\u51fa(&X)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("IndicatorLibraryDialog", u"\u5173\u95ed", None))
    # retranslateUi

