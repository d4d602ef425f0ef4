# Generated from ui/form_list.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_FormListPage(object):
    def setupUi(self, FormListPage):
        if not FormListPage.objectName():
            FormListPage.setObjectName(u"FormListPage")
        FormListPage.resize(900, 600)
        self.pageLayout = QVBoxLayout(FormListPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(24, 18, 24, 18)
        self.titleLabel = QLabel(FormListPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 18pt; font-weight: bold;")

        self.pageLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(FormListPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.hintLabel)

        self.undoBar = QFrame(FormListPage)
        self.undoBar.setObjectName(u"undoBar")
        self.undoBar.setStyleSheet(u"QFrame#undoBar { background: #eef3fb; border: 1px solid #9db4d8; border-radius: 3px; }")
        self.undoBarLayout = QHBoxLayout(self.undoBar)
        self.undoBarLayout.setObjectName(u"undoBarLayout")
        self.undoLabel = QLabel(self.undoBar)
        self.undoLabel.setObjectName(u"undoLabel")

        self.undoBarLayout.addWidget(self.undoLabel)

        self.undoDeleteButton = QPushButton(self.undoBar)
        self.undoDeleteButton.setObjectName(u"undoDeleteButton")

        self.undoBarLayout.addWidget(self.undoDeleteButton)

        self.undoBarLayout.setStretch(0, 1)

        self.pageLayout.addWidget(self.undoBar)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.listStack = QStackedWidget(FormListPage)
        self.listStack.setObjectName(u"listStack")
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tablePageLayout = QVBoxLayout(self.tablePage)
        self.tablePageLayout.setObjectName(u"tablePageLayout")
        self.tablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.searchEdit = QLineEdit(self.tablePage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.tablePageLayout.addWidget(self.searchEdit)

        self.formTable = QTableView(self.tablePage)
        self.formTable.setObjectName(u"formTable")
        self.formTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.formTable.setAlternatingRowColors(True)
        self.formTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.formTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.formTable.setSortingEnabled(True)
        self.formTable.setWordWrap(False)

        self.tablePageLayout.addWidget(self.formTable)

        self.listStack.addWidget(self.tablePage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setStyleSheet(u"font-size: 12pt; color: #555;")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyPageLayout.addWidget(self.emptyLabel)

        self.listStack.addWidget(self.emptyPage)

        self.bodyLayout.addWidget(self.listStack)

        self.buttonLayout = QVBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.openButton = QPushButton(FormListPage)
        self.openButton.setObjectName(u"openButton")

        self.buttonLayout.addWidget(self.openButton)

        self.newButton = QPushButton(FormListPage)
        self.newButton.setObjectName(u"newButton")

        self.buttonLayout.addWidget(self.newButton)

        self.copyButton = QPushButton(FormListPage)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.importButton = QPushButton(FormListPage)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.deleteButton = QPushButton(FormListPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonLayout.addWidget(self.deleteButton)

        self.buttonSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.recycleButton = QPushButton(FormListPage)
        self.recycleButton.setObjectName(u"recycleButton")

        self.buttonLayout.addWidget(self.recycleButton)


        self.bodyLayout.addLayout(self.buttonLayout)


        self.pageLayout.addLayout(self.bodyLayout)


        self.retranslateUi(FormListPage)

        QMetaObject.connectSlotsByName(FormListPage)
    # setupUi

    def retranslateUi(self, FormListPage):
        self.titleLabel.setText(QCoreApplication.translate("FormListPage", u"\u90e8\u95e8\u6574\u4f53\u652f\u51fa\u7ee9\u6548\u76ee\u6807\u7533\u62a5\u8868", None))
        self.hintLabel.setText(QCoreApplication.translate("FormListPage", u"\u53cc\u51fb\u4e00\u5f20\u8868\u5355\u7ee7\u7eed\u586b\u5199\uff1b\u6bcf\u6b21\u4fee\u6539\u90fd\u4f1a\u81ea\u52a8\u4fdd\u5b58\u3002", None))
        self.undoLabel.setText(QCoreApplication.translate("FormListPage", u"\u5df2\u79fb\u5230\u56de\u6536\u7ad9\u3002", None))
        self.undoDeleteButton.setText(QCoreApplication.translate("FormListPage", u"\u64a4\u9500\u5220\u9664", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("FormListPage", u"\u67e5\u627e\u8868\u5355\uff1a\u8f93\u5165\u5355\u4f4d\u540d\u79f0\u6216\u5e74\u5ea6", None))
        self.emptyLabel.setText(QCoreApplication.translate("FormListPage", u"\u8fd8\u6ca1\u6709\u8868\u5355\u3002\n"
"\u70b9\u51fb\u201c\u65b0\u5efa\u8868\u5355\u201d\u5f00\u59cb\u586b\u5199\uff0c\u6216\u201c\u5bfc\u5165\u201d\u4e0a\u5e74\u7684 Word \u8868\uff08.docx\uff09\u3001\n"
".jixiao.json \u6216 Excel \u6587\u4ef6\uff0c\u4e5f\u53ef\u4ee5\u628a\u6587\u4ef6\u62d6\u5230\u8fd9\u91cc\u3002", None))
        self.openButton.setText(QCoreApplication.translate("FormListPage", u"\u6253\u5f00", None))
        self.newButton.setText(QCoreApplication.translate("FormListPage", u"\u65b0\u5efa\u8868\u5355\u2026", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("FormListPage", u"\u4ee5\u6240\u9009\u8868\u5355\u4e3a\u5e95\u7a3f\uff0c\u65b0\u5efa\u4e0b\u4e00\u5e74\u5ea6\u7684\u8868\u5355", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(QCoreApplication.translate("FormListPage", u"\u4ece\u4e0a\u5e74\u590d\u5236", None))
        self.importButton.setText(QCoreApplication.translate("FormListPage", u"\u5bfc\u5165\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("FormListPage", u"\u5220\u9664\u2026", None))
        self.recycleButton.setText(QCoreApplication.translate("FormListPage", u"\u56de\u6536\u7ad9\u2026", None))
        pass
    # retranslateUi

