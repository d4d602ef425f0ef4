# Generated from ui/editor_rows_tab.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

from jixiao_desktop.ui.editor.live_label import LiveLabel

class Ui_RowsTab(object):
    def setupUi(self, RowsTab):
        if not RowsTab.objectName():
            RowsTab.setObjectName(u"RowsTab")
        RowsTab.resize(900, 640)
        self.mainLayout = QVBoxLayout(RowsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(RowsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.rowsPanel = QWidget(self.splitter)
        self.rowsPanel.setObjectName(u"rowsPanel")
        self.rowsLayout = QHBoxLayout(self.rowsPanel)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(0, 0, 0, 0)
        self.rowsView = QTableView(self.rowsPanel)
        self.rowsView.setObjectName(u"rowsView")
        self.rowsView.setMinimumSize(QSize(0, 120))
        self.rowsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rowsView.setWordWrap(True)

        self.rowsLayout.addWidget(self.rowsView)

        self.rowButtons = QWidget(self.rowsPanel)
        self.rowButtons.setObjectName(u"rowButtons")
        self.rowButtonsLayout = QVBoxLayout(self.rowButtons)
        self.rowButtonsLayout.setObjectName(u"rowButtonsLayout")
        self.rowButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.addRowButton = QPushButton(self.rowButtons)
        self.addRowButton.setObjectName(u"addRowButton")

        self.rowButtonsLayout.addWidget(self.addRowButton)

        self.removeRowButton = QPushButton(self.rowButtons)
        self.removeRowButton.setObjectName(u"removeRowButton")

        self.rowButtonsLayout.addWidget(self.removeRowButton)

        self.moveUpButton = QPushButton(self.rowButtons)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.rowButtonsLayout.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(self.rowButtons)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.rowButtonsLayout.addWidget(self.moveDownButton)

        self.renumberButton = QPushButton(self.rowButtons)
        self.renumberButton.setObjectName(u"renumberButton")

        self.rowButtonsLayout.addWidget(self.renumberButton)

        self.rowButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowButtonsLayout.addItem(self.rowButtonsSpacer)


        self.rowsLayout.addWidget(self.rowButtons)

        self.splitter.addWidget(self.rowsPanel)
        self.contentPanel = QWidget(self.splitter)
        self.contentPanel.setObjectName(u"contentPanel")
        self.contentLayout = QVBoxLayout(self.contentPanel)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, 0, 0, 0)
        self.contentHeader = QHBoxLayout()
        self.contentHeader.setObjectName(u"contentHeader")
        self.contentLabel = QLabel(self.contentPanel)
        self.contentLabel.setObjectName(u"contentLabel")

        self.contentHeader.addWidget(self.contentLabel)

        self.contentHeaderSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contentHeader.addItem(self.contentHeaderSpacer)

        self.contentCountLabel = LiveLabel(self.contentPanel)
        self.contentCountLabel.setObjectName(u"contentCountLabel")
        self.contentCountLabel.setText(u"")

        self.contentHeader.addWidget(self.contentCountLabel)


        self.contentLayout.addLayout(self.contentHeader)

        self.nameLengthHint = QLabel(self.contentPanel)
        self.nameLengthHint.setObjectName(u"nameLengthHint")
        self.nameLengthHint.setVisible(False)
        self.nameLengthHint.setWordWrap(True)
        self.nameLengthHint.setText(u"")

        self.contentLayout.addWidget(self.nameLengthHint)

        self.contentEdit = QPlainTextEdit(self.contentPanel)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setMinimumSize(QSize(0, 160))
        self.contentEdit.setTabChangesFocus(True)

        self.contentLayout.addWidget(self.contentEdit)

        self.splitter.addWidget(self.contentPanel)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.contentLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rowsView, self.addRowButton)
        QWidget.setTabOrder(self.addRowButton, self.removeRowButton)
        QWidget.setTabOrder(self.removeRowButton, self.moveUpButton)
        QWidget.setTabOrder(self.moveUpButton, self.moveDownButton)
        QWidget.setTabOrder(self.moveDownButton, self.renumberButton)
        QWidget.setTabOrder(self.renumberButton, self.contentEdit)

        self.retranslateUi(RowsTab)

        QMetaObject.connectSlotsByName(RowsTab)
    # setupUi

    def retranslateUi(self, RowsTab):
        self.addRowButton.setText(QCoreApplication.translate("RowsTab", u"\u6dfb\u52a0\u884c", None))
        self.removeRowButton.setText(QCoreApplication.translate("RowsTab", u"\u5220\u9664\u884c", None))
        self.moveUpButton.setText(QCoreApplication.translate("RowsTab", u"\u4e0a\u79fb", None))
        self.moveDownButton.setText(QCoreApplication.translate("RowsTab", u"\u4e0b\u79fb", None))
#if QT_CONFIG(tooltip)
        self.renumberButton.setToolTip(QCoreApplication.translate("RowsTab", u"\u628a\u672c\u7c7b\u6307\u6807\u884c\u6309\u987a\u5e8f\u91cd\u65b0\u7f16\u4e3a\u4e00\u3001\u4e8c\u3001\u4e09\u2026\u2026\uff08\u53ea\u6539\u540d\u79f0\u5f00\u5934\u7684\u5e8f\u53f7\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.renumberButton.setText(QCoreApplication.translate("RowsTab", u"\u91cd\u65b0\u7f16\u53f7", None))
        self.contentLabel.setText(QCoreApplication.translate("RowsTab", u"\u6307\u6807\u5185\u5bb9\u548c\u6307\u6807\u503c\uff1a", None))
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("RowsTab", u"\u5728\u4e0a\u8868\u4e2d\u9009\u62e9\u4e00\u884c\uff0c\u5728\u8fd9\u91cc\u586b\u5199\u5b83\u7684\u6307\u6807\u5185\u5bb9\u548c\u6307\u6807\u503c", None))
        pass
    # retranslateUi

