# Generated from ui/editor_evaluation_tab.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_EvaluationTab(object):
    def setupUi(self, EvaluationTab):
        if not EvaluationTab.objectName():
            EvaluationTab.setObjectName(u"EvaluationTab")
        EvaluationTab.resize(900, 640)
        self.mainLayout = QVBoxLayout(EvaluationTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stageLayout = QHBoxLayout()
        self.stageLayout.setObjectName(u"stageLayout")
        self.stageLabel = QLabel(EvaluationTab)
        self.stageLabel.setObjectName(u"stageLabel")

        self.stageLayout.addWidget(self.stageLabel)

        self.stageCombo = QComboBox(EvaluationTab)
        self.stageCombo.setObjectName(u"stageCombo")

        self.stageLayout.addWidget(self.stageCombo)

        self.stageHint = QLabel(EvaluationTab)
        self.stageHint.setObjectName(u"stageHint")
        self.stageHint.setWordWrap(True)
        self.stageHint.setText(u"")

        self.stageLayout.addWidget(self.stageHint)

        self.stageSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stageLayout.addItem(self.stageSpacer)

        self.stageLayout.setStretch(2, 1)

        self.mainLayout.addLayout(self.stageLayout)

        self.executionGroup = QGroupBox(EvaluationTab)
        self.executionGroup.setObjectName(u"executionGroup")
        self.executionLayout = QGridLayout(self.executionGroup)
        self.executionLayout.setObjectName(u"executionLayout")
        self.budgetLabel = QLabel(self.executionGroup)
        self.budgetLabel.setObjectName(u"budgetLabel")

        self.executionLayout.addWidget(self.budgetLabel, 0, 0, 1, 1)

        self.budgetEdit = QLineEdit(self.executionGroup)
        self.budgetEdit.setObjectName(u"budgetEdit")

        self.executionLayout.addWidget(self.budgetEdit, 0, 1, 1, 1)

        self.executedLabel = QLabel(self.executionGroup)
        self.executedLabel.setObjectName(u"executedLabel")

        self.executionLayout.addWidget(self.executedLabel, 0, 2, 1, 1)

        self.executedEdit = QLineEdit(self.executionGroup)
        self.executedEdit.setObjectName(u"executedEdit")

        self.executionLayout.addWidget(self.executedEdit, 0, 3, 1, 1)

        self.asOfLabel = QLabel(self.executionGroup)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.executionLayout.addWidget(self.asOfLabel, 0, 4, 1, 1)

        self.asOfEdit = QLineEdit(self.executionGroup)
        self.asOfEdit.setObjectName(u"asOfEdit")

        self.executionLayout.addWidget(self.asOfEdit, 0, 5, 1, 1)

        self.rateLabel = QLabel(self.executionGroup)
        self.rateLabel.setObjectName(u"rateLabel")
        self.rateLabel.setText(u"")

        self.executionLayout.addWidget(self.rateLabel, 1, 0, 1, 6)


        self.mainLayout.addWidget(self.executionGroup)

        self.itemsView = QTableView(EvaluationTab)
        self.itemsView.setObjectName(u"itemsView")
        self.itemsView.setMinimumSize(QSize(0, 160))
        self.itemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.itemsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsView.setWordWrap(True)

        self.mainLayout.addWidget(self.itemsView)

        self.summaryGroup = QGroupBox(EvaluationTab)
        self.summaryGroup.setObjectName(u"summaryGroup")
        self.summaryLayout = QGridLayout(self.summaryGroup)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLabel = QLabel(self.summaryGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.summaryLayout.addWidget(self.summaryLabel, 0, 0, 1, 1)

        self.problemsLabel = QLabel(self.summaryGroup)
        self.problemsLabel.setObjectName(u"problemsLabel")

        self.summaryLayout.addWidget(self.problemsLabel, 0, 1, 1, 1)

        self.measuresLabel = QLabel(self.summaryGroup)
        self.measuresLabel.setObjectName(u"measuresLabel")

        self.summaryLayout.addWidget(self.measuresLabel, 0, 2, 1, 1)

        self.summaryEdit = QPlainTextEdit(self.summaryGroup)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)
        self.summaryEdit.setMinimumSize(QSize(0, 60))
        self.summaryEdit.setMaximumSize(QSize(16777215, 80))

        self.summaryLayout.addWidget(self.summaryEdit, 1, 0, 1, 1)

        self.problemsEdit = QPlainTextEdit(self.summaryGroup)
        self.problemsEdit.setObjectName(u"problemsEdit")
        self.problemsEdit.setTabChangesFocus(True)
        self.problemsEdit.setMinimumSize(QSize(0, 60))
        self.problemsEdit.setMaximumSize(QSize(16777215, 80))

        self.summaryLayout.addWidget(self.problemsEdit, 1, 1, 1, 1)

        self.measuresEdit = QPlainTextEdit(self.summaryGroup)
        self.measuresEdit.setObjectName(u"measuresEdit")
        self.measuresEdit.setTabChangesFocus(True)
        self.measuresEdit.setMinimumSize(QSize(0, 60))
        self.measuresEdit.setMaximumSize(QSize(16777215, 80))

        self.summaryLayout.addWidget(self.measuresEdit, 1, 2, 1, 1)

        self.summaryLayout.setRowStretch(1, 1)

        self.mainLayout.addWidget(self.summaryGroup)

        self.totalLabel = QLabel(EvaluationTab)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setText(u"")
        self.totalLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.totalLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.stageLabel.setBuddy(self.stageCombo)
        self.budgetLabel.setBuddy(self.budgetEdit)
        self.executedLabel.setBuddy(self.executedEdit)
        self.asOfLabel.setBuddy(self.asOfEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.problemsLabel.setBuddy(self.problemsEdit)
        self.measuresLabel.setBuddy(self.measuresEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EvaluationTab)

        QMetaObject.connectSlotsByName(EvaluationTab)
    # setupUi

    def retranslateUi(self, EvaluationTab):
        self.stageLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u672c\u8868\u9636\u6bb5\uff1a", None))
        self.executionGroup.setTitle(QCoreApplication.translate("EvaluationTab", u"\u9884\u7b97\u6267\u884c\u60c5\u51b5", None))
        self.budgetLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u5168\u5e74\u9884\u7b97\u6570\uff1a", None))
        self.executedLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u6267\u884c\u6570\uff1a", None))
        self.asOfLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u622a\u81f3\uff1a", None))
        self.asOfEdit.setPlaceholderText(QCoreApplication.translate("EvaluationTab", u"\u5982 2024-06\uff0c\u6216\u201c\u5168\u5e74\u201d", None))
        self.summaryGroup.setTitle(QCoreApplication.translate("EvaluationTab", u"\u81ea\u8bc4\u7ed3\u8bba", None))
        self.summaryLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u603b\u4f53\u5b8c\u6210\u60c5\u51b5\uff1a", None))
        self.problemsLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u5b58\u5728\u7684\u95ee\u9898\uff1a", None))
        self.measuresLabel.setText(QCoreApplication.translate("EvaluationTab", u"\u4e0b\u4e00\u6b65\u6539\u8fdb\u63aa\u65bd\uff1a", None))
        pass
    # retranslateUi

