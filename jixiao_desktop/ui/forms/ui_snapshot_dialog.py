# Generated from ui/snapshot_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SnapshotDialog(object):
    def setupUi(self, SnapshotDialog):
        if not SnapshotDialog.objectName():
            SnapshotDialog.setObjectName(u"SnapshotDialog")
        SnapshotDialog.resize(960, 680)
        self.dialogLayout = QVBoxLayout(SnapshotDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLabel = QLabel(SnapshotDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.headerLabel)

        self.viewContainer = QWidget(SnapshotDialog)
        self.viewContainer.setObjectName(u"viewContainer")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.viewContainer.sizePolicy().hasHeightForWidth())
        self.viewContainer.setSizePolicy(sizePolicy)
        self.viewLayout = QVBoxLayout(self.viewContainer)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(0, 0, 0, 0)

        self.dialogLayout.addWidget(self.viewContainer)

        self.buttonBox = QDialogButtonBox(SnapshotDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(SnapshotDialog)

        QMetaObject.connectSlotsByName(SnapshotDialog)
    # setupUi

    def retranslateUi(self, SnapshotDialog):
        SnapshotDialog.setWindowTitle(QCoreApplication.translate("SnapshotDialog", u"\u67e5\u770b\u5386\u53f2\u7248\u672c", None))
    # retranslateUi

