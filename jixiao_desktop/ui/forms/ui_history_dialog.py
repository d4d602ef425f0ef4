# Generated from ui/history_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_HistoryDialog(object):
    def setupUi(self, HistoryDialog):
        if not HistoryDialog.objectName():
            HistoryDialog.setObjectName(u"HistoryDialog")
        HistoryDialog.resize(720, 480)
        self.dialogLayout = QVBoxLayout(HistoryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(HistoryDialog)
        self.tabs.setObjectName(u"tabs")
        self.snapshotsTab = QWidget()
        self.snapshotsTab.setObjectName(u"snapshotsTab")
        self.snapshotsLayout = QHBoxLayout(self.snapshotsTab)
        self.snapshotsLayout.setObjectName(u"snapshotsLayout")
        self.snapshotTable = QTableView(self.snapshotsTab)
        self.snapshotTable.setObjectName(u"snapshotTable")
        self.snapshotTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.snapshotTable.setAlternatingRowColors(True)
        self.snapshotTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.snapshotTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.snapshotsLayout.addWidget(self.snapshotTable)

        self.snapshotButtons = QVBoxLayout()
        self.snapshotButtons.setObjectName(u"snapshotButtons")
        self.viewButton = QPushButton(self.snapshotsTab)
        self.viewButton.setObjectName(u"viewButton")

        self.snapshotButtons.addWidget(self.viewButton)

        self.compareButton = QPushButton(self.snapshotsTab)
        self.compareButton.setObjectName(u"compareButton")

        self.snapshotButtons.addWidget(self.compareButton)

        self.restoreButton = QPushButton(self.snapshotsTab)
        self.restoreButton.setObjectName(u"restoreButton")

        self.snapshotButtons.addWidget(self.restoreButton)

        self.snapshotSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.snapshotButtons.addItem(self.snapshotSpacer)


        self.snapshotsLayout.addLayout(self.snapshotButtons)

        self.tabs.addTab(self.snapshotsTab, "")
        self.eventsTab = QWidget()
        self.eventsTab.setObjectName(u"eventsTab")
        self.eventsLayout = QVBoxLayout(self.eventsTab)
        self.eventsLayout.setObjectName(u"eventsLayout")
        self.eventTable = QTableView(self.eventsTab)
        self.eventTable.setObjectName(u"eventTable")
        self.eventTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eventTable.setAlternatingRowColors(True)
        self.eventTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.eventsLayout.addWidget(self.eventTable)

        self.tabs.addTab(self.eventsTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(HistoryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(HistoryDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(HistoryDialog)
    # setupUi

    def retranslateUi(self, HistoryDialog):
        HistoryDialog.setWindowTitle(QCoreApplication.translate("HistoryDialog", u"\u5386\u53f2\u7248\u672c", None))
        self.viewButton.setText(QCoreApplication.translate("HistoryDialog", u"\u67e5\u770b(&V)", None))
#if QT_CONFIG(tooltip)
        self.compareButton.setToolTip(QCoreApplication.translate("HistoryDialog", u"\u9009\u4e2d\u4e24\u4e2a\u7248\u672c\uff08\u6309\u4f4f Ctrl \u70b9\u51fb\uff09\uff0c\u6216\u9009\u4e2d\u4e00\u4e2a\u4e0e\u5f53\u524d\u5185\u5bb9\u6bd4\u8f83", None))
#endif // QT_CONFIG(tooltip)
        self.compareButton.setText(QCoreApplication.translate("HistoryDialog", u"\u6bd4\u8f83(&C)", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("HistoryDialog", u"\u7528\u6240\u9009\u7248\u672c\u66ff\u6362\u5f53\u524d\u5185\u5bb9\uff08\u5f53\u524d\u5185\u5bb9\u4f1a\u5148\u8bb0\u5f55\u4e3a\u4e00\u4e2a\u7248\u672c\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("HistoryDialog", u"\u6062\u590d\u6b64\u7248\u672c(&R)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.snapshotsTab), QCoreApplication.translate("HistoryDialog", u"\u5386\u53f2\u7248\u672c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.eventsTab), QCoreApplication.translate("HistoryDialog", u"\u64cd\u4f5c\u8bb0\u5f55", None))
    # retranslateUi

