# Generated from ui/checks_panel.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QLabel, QListView, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChecksPanel(object):
    def setupUi(self, ChecksPanel):
        if not ChecksPanel.objectName():
            ChecksPanel.setObjectName(u"ChecksPanel")
        ChecksPanel.resize(340, 600)
        self.panelLayout = QVBoxLayout(ChecksPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(4, 4, 4, 4)
        self.summaryLabel = QLabel(ChecksPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.summaryLabel)

        self.findingsView = QListView(ChecksPanel)
        self.findingsView.setObjectName(u"findingsView")
        self.findingsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findingsView.setAlternatingRowColors(True)
        self.findingsView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findingsView.setWordWrap(True)
        self.findingsView.setSpacing(1)
        self.findingsView.setUniformItemSizes(False)

        self.panelLayout.addWidget(self.findingsView)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.acknowledgeButton = QPushButton(ChecksPanel)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")

        self.buttonLayout.addWidget(self.acknowledgeButton)

        self.unacknowledgeButton = QPushButton(ChecksPanel)
        self.unacknowledgeButton.setObjectName(u"unacknowledgeButton")

        self.buttonLayout.addWidget(self.unacknowledgeButton)

        self.showAcknowledgedCheck = QCheckBox(ChecksPanel)
        self.showAcknowledgedCheck.setObjectName(u"showAcknowledgedCheck")
        self.showAcknowledgedCheck.setChecked(True)

        self.buttonLayout.addWidget(self.showAcknowledgedCheck)


        self.panelLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ChecksPanel)

        QMetaObject.connectSlotsByName(ChecksPanel)
    # setupUi

    def retranslateUi(self, ChecksPanel):
#if QT_CONFIG(tooltip)
        self.acknowledgeButton.setToolTip(QCoreApplication.translate("ChecksPanel", u"\u8fd9\u6761\u8b66\u544a\u5df2\u6838\u5b9e\u65e0\u8bef\uff0c\u4e0d\u518d\u63d0\u9192\uff08\u5185\u5bb9\u6539\u52a8\u540e\u4f1a\u91cd\u65b0\u63d0\u9192\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.acknowledgeButton.setText(QCoreApplication.translate("ChecksPanel", u"\u5df2\u77e5\u6089", None))
        self.unacknowledgeButton.setText(QCoreApplication.translate("ChecksPanel", u"\u53d6\u6d88\u5df2\u77e5\u6089", None))
        self.showAcknowledgedCheck.setText(QCoreApplication.translate("ChecksPanel", u"\u663e\u793a\u5df2\u77e5\u6089", None))
        pass
    # retranslateUi

