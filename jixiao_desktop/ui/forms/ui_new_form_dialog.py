# Generated from ui/new_form_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewFormDialog(object):
    def setupUi(self, NewFormDialog):
        if not NewFormDialog.objectName():
            NewFormDialog.setObjectName(u"NewFormDialog")
        NewFormDialog.resize(560, 320)
        self.dialogLayout = QVBoxLayout(NewFormDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(NewFormDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(NewFormDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2022)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.departmentLabel = QLabel(NewFormDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentEdit = QLineEdit(NewFormDialog)
        self.departmentEdit.setObjectName(u"departmentEdit")
        self.departmentEdit.setMinimumSize(QSize(320, 0))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.departmentEdit)

        self.profileLabel = QLabel(NewFormDialog)
        self.profileLabel.setObjectName(u"profileLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.profileLabel)

        self.profileCombo = QComboBox(NewFormDialog)
        self.profileCombo.setObjectName(u"profileCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.profileCombo)

        self.profileHint = QLabel(NewFormDialog)
        self.profileHint.setObjectName(u"profileHint")
        self.profileHint.setStyleSheet(u"color: #555;")
        self.profileHint.setWordWrap(True)
        self.profileHint.setTextFormat(Qt.TextFormat.PlainText)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.profileHint)

        self.layoutLabel = QLabel(NewFormDialog)
        self.layoutLabel.setObjectName(u"layoutLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.layoutLabel)

        self.layoutCombo = QComboBox(NewFormDialog)
        self.layoutCombo.setObjectName(u"layoutCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.layoutCombo)

        self.layoutHint = QLabel(NewFormDialog)
        self.layoutHint.setObjectName(u"layoutHint")
        self.layoutHint.setStyleSheet(u"color: #555;")
        self.layoutHint.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.layoutHint)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NewFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(NewFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.departmentLabel.setBuddy(self.departmentEdit)
        self.profileLabel.setBuddy(self.profileCombo)
        self.layoutLabel.setBuddy(self.layoutCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewFormDialog)

        QMetaObject.connectSlotsByName(NewFormDialog)
    # setupUi

    def retranslateUi(self, NewFormDialog):
        NewFormDialog.setWindowTitle(QCoreApplication.translate("NewFormDialog", u"\u65b0\u5efa\u8868\u5355", None))
        self.yearLabel.setText(QCoreApplication.translate("NewFormDialog", u"\u5e74\u5ea6(&Y)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("NewFormDialog", u" \u5e74\u5ea6", None))
        self.departmentLabel.setText(QCoreApplication.translate("NewFormDialog", u"\u90e8\u95e8\uff08\u5355\u4f4d\uff09\u540d\u79f0(&D)\uff1a", None))
        self.departmentEdit.setPlaceholderText(QCoreApplication.translate("NewFormDialog", u"\u4f8b\u5982\uff1a\u5317\u4eac\u5e02\u897f\u57ce\u533a\u4eba\u6c11\u653f\u5e9c\u91d1\u878d\u8857\u8857\u9053\u529e\u4e8b\u5904", None))
        self.profileLabel.setText(QCoreApplication.translate("NewFormDialog", u"\u7701\u4efd/\u5730\u533a(&R)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.profileCombo.setToolTip(QCoreApplication.translate("NewFormDialog", u"\u89c4\u5219\u65b9\u6848\uff1a\u51b3\u5b9a\u8868\u683c\u7684\u5217\u3001\u91d1\u989d\u5355\u4f4d\u3001\u6743\u91cd\u5408\u8ba1\u548c\u68c0\u67e5\u89c4\u5219", None))
#endif // QT_CONFIG(tooltip)
        self.layoutLabel.setText(QCoreApplication.translate("NewFormDialog", u"\u683c\u5f0f(&L)\uff1a", None))
    # retranslateUi

