# Generated from ui/editor_basic_tab.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QVBoxLayout,
    QWidget)

from jixiao_desktop.ui.editor.live_label import LiveLabel

class Ui_BasicTab(object):
    def setupUi(self, BasicTab):
        if not BasicTab.objectName():
            BasicTab.setObjectName(u"BasicTab")
        BasicTab.resize(900, 640)
        self.mainLayout = QVBoxLayout(BasicTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerGroup = QGroupBox(BasicTab)
        self.headerGroup.setObjectName(u"headerGroup")
        self.headerLayout = QFormLayout(self.headerGroup)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.departmentLabel = QLabel(self.headerGroup)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.headerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentEdit = QLineEdit(self.headerGroup)
        self.departmentEdit.setObjectName(u"departmentEdit")

        self.headerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.departmentEdit)

        self.yearLabel = QLabel(self.headerGroup)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearLayout = QHBoxLayout()
        self.yearLayout.setObjectName(u"yearLayout")
        self.yearSpin = QSpinBox(self.headerGroup)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimumSize(QSize(110, 0))
        self.yearSpin.setMinimum(1999)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(1999)

        self.yearLayout.addWidget(self.yearSpin)

        self.yearSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearLayout.addItem(self.yearSpacer)


        self.headerLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.yearLayout)

        self.templateCaption = QLabel(self.headerGroup)
        self.templateCaption.setObjectName(u"templateCaption")

        self.headerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.templateCaption)

        self.templateLabel = QLabel(self.headerGroup)
        self.templateLabel.setObjectName(u"templateLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.templateLabel.sizePolicy().hasHeightForWidth())
        self.templateLabel.setSizePolicy(sizePolicy)
        self.templateLabel.setMinimumSize(QSize(1, 0))
        self.templateLabel.setText(u"\u2014")
        self.templateLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.templateLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.templateLabel)

        self.profileCaption = QLabel(self.headerGroup)
        self.profileCaption.setObjectName(u"profileCaption")

        self.headerLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.profileCaption)

        self.profileRow = QHBoxLayout()
        self.profileRow.setObjectName(u"profileRow")
        self.profileLabel = QLabel(self.headerGroup)
        self.profileLabel.setObjectName(u"profileLabel")
        self.profileLabel.setText(u"\u2014")
        self.profileLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.profileLabel.setWordWrap(True)
        self.profileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profileRow.addWidget(self.profileLabel)

        self.profileButton = QPushButton(self.headerGroup)
        self.profileButton.setObjectName(u"profileButton")

        self.profileRow.addWidget(self.profileButton)

        self.profileSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.profileRow.addItem(self.profileSpacer)


        self.headerLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.profileRow)


        self.mainLayout.addWidget(self.headerGroup)

        self.fundsGroup = QGroupBox(BasicTab)
        self.fundsGroup.setObjectName(u"fundsGroup")
        self.fundsLayout = QGridLayout(self.fundsGroup)
        self.fundsLayout.setObjectName(u"fundsLayout")
        self.totalLabel = QLabel(self.fundsGroup)
        self.totalLabel.setObjectName(u"totalLabel")

        self.fundsLayout.addWidget(self.totalLabel, 0, 0, 1, 1)

        self.totalEdit = QLineEdit(self.fundsGroup)
        self.totalEdit.setObjectName(u"totalEdit")
        self.totalEdit.setMinimumSize(QSize(180, 0))
        self.totalEdit.setMaximumSize(QSize(240, 16777215))

        self.fundsLayout.addWidget(self.totalEdit, 0, 1, 1, 1)

        self.totalHint = QLabel(self.fundsGroup)
        self.totalHint.setObjectName(u"totalHint")
        self.totalHint.setText(u"")
        self.totalHint.setWordWrap(True)

        self.fundsLayout.addWidget(self.totalHint, 0, 2, 1, 1)

        self.basicLabel = QLabel(self.fundsGroup)
        self.basicLabel.setObjectName(u"basicLabel")

        self.fundsLayout.addWidget(self.basicLabel, 1, 0, 1, 1)

        self.basicEdit = QLineEdit(self.fundsGroup)
        self.basicEdit.setObjectName(u"basicEdit")
        self.basicEdit.setMinimumSize(QSize(180, 0))
        self.basicEdit.setMaximumSize(QSize(240, 16777215))

        self.fundsLayout.addWidget(self.basicEdit, 1, 1, 1, 1)

        self.basicHint = QLabel(self.fundsGroup)
        self.basicHint.setObjectName(u"basicHint")
        self.basicHint.setText(u"")
        self.basicHint.setWordWrap(True)

        self.fundsLayout.addWidget(self.basicHint, 1, 2, 1, 1)

        self.projectLabel = QLabel(self.fundsGroup)
        self.projectLabel.setObjectName(u"projectLabel")
        self.projectLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.fundsLayout.addWidget(self.projectLabel, 2, 0, 1, 1)

        self.projectEdit = QLineEdit(self.fundsGroup)
        self.projectEdit.setObjectName(u"projectEdit")
        self.projectEdit.setMinimumSize(QSize(180, 0))
        self.projectEdit.setMaximumSize(QSize(240, 16777215))

        self.fundsLayout.addWidget(self.projectEdit, 2, 1, 1, 1)

        self.projectHint = QLabel(self.fundsGroup)
        self.projectHint.setObjectName(u"projectHint")
        self.projectHint.setText(u"")
        self.projectHint.setWordWrap(True)

        self.fundsLayout.addWidget(self.projectHint, 2, 2, 1, 1)

        self.sumLayout = QHBoxLayout()
        self.sumLayout.setObjectName(u"sumLayout")
        self.sumLabel = LiveLabel(self.fundsGroup)
        self.sumLabel.setObjectName(u"sumLabel")
        self.sumLabel.setText(u"")

        self.sumLayout.addWidget(self.sumLabel)

        self.fixTotalButton = QPushButton(self.fundsGroup)
        self.fixTotalButton.setObjectName(u"fixTotalButton")
        self.fixTotalButton.setText(u"")

        self.sumLayout.addWidget(self.fixTotalButton)

        self.sumSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sumLayout.addItem(self.sumSpacer)


        self.fundsLayout.addLayout(self.sumLayout, 3, 0, 1, 3)

        self.fundsLayout.setColumnStretch(2, 1)

        self.mainLayout.addWidget(self.fundsGroup)

        self.sourcesGroup = QGroupBox(BasicTab)
        self.sourcesGroup.setObjectName(u"sourcesGroup")
        self.sourcesGroupLayout = QVBoxLayout(self.sourcesGroup)
        self.sourcesGroupLayout.setObjectName(u"sourcesGroupLayout")
        self.sourcesCheck = QCheckBox(self.sourcesGroup)
        self.sourcesCheck.setObjectName(u"sourcesCheck")

        self.sourcesGroupLayout.addWidget(self.sourcesCheck)

        self.sourcesPanel = QWidget(self.sourcesGroup)
        self.sourcesPanel.setObjectName(u"sourcesPanel")
        self.sourcesLayout = QGridLayout(self.sourcesPanel)
        self.sourcesLayout.setObjectName(u"sourcesLayout")
        self.sourcesLayout.setContentsMargins(0, 0, 0, 0)
        self.sourcesView = QTableView(self.sourcesPanel)
        self.sourcesView.setObjectName(u"sourcesView")
        self.sourcesView.setMinimumSize(QSize(0, 110))
        self.sourcesView.setMaximumSize(QSize(16777215, 160))
        self.sourcesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sourcesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.sourcesLayout.addWidget(self.sourcesView, 0, 0, 3, 1)

        self.addSourceButton = QPushButton(self.sourcesPanel)
        self.addSourceButton.setObjectName(u"addSourceButton")

        self.sourcesLayout.addWidget(self.addSourceButton, 0, 1, 1, 1)

        self.removeSourceButton = QPushButton(self.sourcesPanel)
        self.removeSourceButton.setObjectName(u"removeSourceButton")

        self.sourcesLayout.addWidget(self.removeSourceButton, 1, 1, 1, 1)

        self.sourcesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sourcesLayout.addItem(self.sourcesSpacer, 2, 1, 1, 1)

        self.sourcesSumLabel = QLabel(self.sourcesPanel)
        self.sourcesSumLabel.setObjectName(u"sourcesSumLabel")
        self.sourcesSumLabel.setText(u"")
        self.sourcesSumLabel.setWordWrap(True)

        self.sourcesLayout.addWidget(self.sourcesSumLabel, 3, 0, 1, 2)


        self.sourcesGroupLayout.addWidget(self.sourcesPanel)


        self.mainLayout.addWidget(self.sourcesGroup)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.departmentLabel.setBuddy(self.departmentEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.totalLabel.setBuddy(self.totalEdit)
        self.basicLabel.setBuddy(self.basicEdit)
        self.projectLabel.setBuddy(self.projectEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.departmentEdit, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.totalEdit)
        QWidget.setTabOrder(self.totalEdit, self.basicEdit)
        QWidget.setTabOrder(self.basicEdit, self.projectEdit)
        QWidget.setTabOrder(self.projectEdit, self.fixTotalButton)
        QWidget.setTabOrder(self.fixTotalButton, self.sourcesCheck)
        QWidget.setTabOrder(self.sourcesCheck, self.sourcesView)
        QWidget.setTabOrder(self.sourcesView, self.addSourceButton)
        QWidget.setTabOrder(self.addSourceButton, self.removeSourceButton)

        self.retranslateUi(BasicTab)

        QMetaObject.connectSlotsByName(BasicTab)
    # setupUi

    def retranslateUi(self, BasicTab):
        self.headerGroup.setTitle(QCoreApplication.translate("BasicTab", u"\u57fa\u672c\u4fe1\u606f", None))
        self.departmentLabel.setText(QCoreApplication.translate("BasicTab", u"\u90e8\u95e8\uff08\u5355\u4f4d\uff09\u540d\u79f0\uff1a", None))
        self.departmentEdit.setPlaceholderText(QCoreApplication.translate("BasicTab", u"\u5982\uff1a\u5317\u4eac\u5e02\u897f\u57ce\u533a\u4eba\u6c11\u653f\u5e9c\u91d1\u878d\u8857\u8857\u9053\u529e\u4e8b\u5904", None))
        self.yearLabel.setText(QCoreApplication.translate("BasicTab", u"\u5e74\u5ea6\uff1a", None))
        self.yearSpin.setSpecialValueText(QCoreApplication.translate("BasicTab", u"\u672a\u586b\u5199", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("BasicTab", u" \u5e74", None))
        self.templateCaption.setText(QCoreApplication.translate("BasicTab", u"\u8868\u683c\u683c\u5f0f\uff1a", None))
        self.profileCaption.setText(QCoreApplication.translate("BasicTab", u"\u89c4\u5219\u65b9\u6848\uff1a", None))
#if QT_CONFIG(tooltip)
        self.profileLabel.setToolTip(QCoreApplication.translate("BasicTab", u"\u672c\u8868\u6309\u54ea\u4e2a\u7701\u4efd/\u5730\u533a\u7684\u89c4\u5219\u586b\u62a5\u548c\u68c0\u67e5\uff1a\u8868\u683c\u7684\u5217\u3001\u91d1\u989d\u5355\u4f4d\u3001\u6743\u91cd\u5408\u8ba1\u548c\u68c0\u67e5\u89c4\u5219", None))
#endif // QT_CONFIG(tooltip)
        self.profileButton.setText(QCoreApplication.translate("BasicTab", u"\u66f4\u6539(&G)\u2026", None))
#if QT_CONFIG(tooltip)
        self.profileButton.setToolTip(QCoreApplication.translate("BasicTab", u"\u6539\u6309\u53e6\u4e00\u4e2a\u7701\u4efd/\u5730\u533a\u7684\u89c4\u5219\u65b9\u6848\uff08\u53ef\u64a4\u9500\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fundsGroup.setTitle(QCoreApplication.translate("BasicTab", u"\u90e8\u95e8\uff08\u5355\u4f4d\uff09\u603b\u4f53\u8d44\u91d1\u60c5\u51b5\uff08\u5355\u4f4d\uff1a\u4e07\u5143\uff09", None))
        self.totalLabel.setText(QCoreApplication.translate("BasicTab", u"\u8d44\u91d1\u603b\u989d\uff1a", None))
        self.totalEdit.setPlaceholderText(QCoreApplication.translate("BasicTab", u"\u5982 39985.49", None))
        self.basicLabel.setText(QCoreApplication.translate("BasicTab", u"\u5176\u4e2d\uff1a\u57fa\u672c\u652f\u51fa\uff1a", None))
        self.basicEdit.setPlaceholderText(QCoreApplication.translate("BasicTab", u"\u5982 9344.54", None))
        self.projectLabel.setText(QCoreApplication.translate("BasicTab", u"\u9879\u76ee\u652f\u51fa\uff1a", None))
        self.projectEdit.setPlaceholderText(QCoreApplication.translate("BasicTab", u"\u5982 30640.95", None))
        self.sourcesGroup.setTitle(QCoreApplication.translate("BasicTab", u"\u8d44\u91d1\u6765\u6e90\uff08\u9009\u586b\uff09", None))
        self.sourcesCheck.setText(QCoreApplication.translate("BasicTab", u"\u586b\u5199\u8d44\u91d1\u6765\u6e90\uff08\u8d22\u653f\u62e8\u6b3e/\u5176\u4ed6\u8d44\u91d1\u2026\uff09", None))
        self.addSourceButton.setText(QCoreApplication.translate("BasicTab", u"\u6dfb\u52a0\u6765\u6e90", None))
        self.removeSourceButton.setText(QCoreApplication.translate("BasicTab", u"\u5220\u9664\u6765\u6e90", None))
        pass
    # retranslateUi

