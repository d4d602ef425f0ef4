# Generated from ui/editor_items_tab.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
    QLabel, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_ItemsTab(object):
    def setupUi(self, ItemsTab):
        if not ItemsTab.objectName():
            ItemsTab.setObjectName(u"ItemsTab")
        ItemsTab.resize(900, 640)
        self.mainLayout = QVBoxLayout(ItemsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.captionLabel = QLabel(ItemsTab)
        self.captionLabel.setObjectName(u"captionLabel")
        self.captionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.captionLabel)

        self.itemsView = QTableView(ItemsTab)
        self.itemsView.setObjectName(u"itemsView")
        self.itemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.itemsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.mainLayout.addWidget(self.itemsView)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.addItemButton = QPushButton(ItemsTab)
        self.addItemButton.setObjectName(u"addItemButton")

        self.bottomLayout.addWidget(self.addItemButton)

        self.removeItemButton = QPushButton(ItemsTab)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.bottomLayout.addWidget(self.removeItemButton)

        self.statusLabel = QLabel(ItemsTab)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)

        self.bottomLayout.addWidget(self.statusLabel)

        self.weightLabel = QLabel(ItemsTab)
        self.weightLabel.setObjectName(u"weightLabel")
        self.weightLabel.setText(u"")

        self.bottomLayout.addWidget(self.weightLabel)


        self.mainLayout.addLayout(self.bottomLayout)

        QWidget.setTabOrder(self.itemsView, self.addItemButton)
        QWidget.setTabOrder(self.addItemButton, self.removeItemButton)

        self.retranslateUi(ItemsTab)

        QMetaObject.connectSlotsByName(ItemsTab)
    # setupUi

    def retranslateUi(self, ItemsTab):
        self.captionLabel.setText(QCoreApplication.translate("ItemsTab", u"\u6bcf\u884c\u4e00\u4e2a\u4e09\u7ea7\u6307\u6807\uff1b\u53cc\u51fb\u5355\u5143\u683c\u4fee\u6539\u3002\u6307\u6807\u6027\u8d28\u4e3a\u201c\u5b9a\u91cf\u201d\u65f6\uff0c\u6307\u6807\u503c\u53ea\u586b\u6570\u5b57\uff0c\u5355\u4f4d\u586b\u5728\u201c\u8ba1\u91cf\u5355\u4f4d\u201d\u5217\u3002", None))
        self.addItemButton.setText(QCoreApplication.translate("ItemsTab", u"\u6dfb\u52a0\u6307\u6807", None))
        self.removeItemButton.setText(QCoreApplication.translate("ItemsTab", u"\u5220\u9664\u6307\u6807", None))
        pass
    # retranslateUi

