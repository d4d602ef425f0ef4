# Generated from ui/settings_dialog.ui by scripts/build_ui.py (pyside6-uic). Do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(460, 220)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.checksGroup = QGroupBox(SettingsDialog)
        self.checksGroup.setObjectName(u"checksGroup")
        self.checksLayout = QFormLayout(self.checksGroup)
        self.checksLayout.setObjectName(u"checksLayout")
        self.satisfactionLabel = QLabel(self.checksGroup)
        self.satisfactionLabel.setObjectName(u"satisfactionLabel")

        self.checksLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.satisfactionLabel)

        self.satisfactionCombo = QComboBox(self.checksGroup)
        self.satisfactionCombo.setObjectName(u"satisfactionCombo")
        self.satisfactionCombo.setEditable(True)

        self.checksLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.satisfactionCombo)

        self.satisfactionHint = QLabel(self.checksGroup)
        self.satisfactionHint.setObjectName(u"satisfactionHint")
        self.satisfactionHint.setStyleSheet(u"color: #555;")
        self.satisfactionHint.setWordWrap(True)

        self.checksLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.satisfactionHint)

        self.showAcknowledgedCheck = QCheckBox(self.checksGroup)
        self.showAcknowledgedCheck.setObjectName(u"showAcknowledgedCheck")

        self.checksLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.showAcknowledgedCheck)


        self.dialogLayout.addWidget(self.checksGroup)

        self.errorLabel = QLabel(SettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.satisfactionLabel.setBuddy(self.satisfactionCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.checksGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u68c0\u67e5", None))
        self.satisfactionLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6ee1\u610f\u5ea6\u76ee\u6807\u6700\u4f4e\u503c(&M)\uff1a", None))
        self.satisfactionHint.setText(QCoreApplication.translate("SettingsDialog", u"\u6ee1\u610f\u5ea6\u6307\u6807\u4f4e\u4e8e\u6b64\u503c\uff08% \u6216 \u5206\uff09\u65f6\u63d0\u793a\u8b66\u544a\u3002\u591a\u6570\u533a\u4e3a 90\uff0c\u90e8\u5206\u533a\u8981\u6c42 95\u3002", None))
        self.showAcknowledgedCheck.setText(QCoreApplication.translate("SettingsDialog", u"\u5728\u68c0\u67e5\u9762\u677f\u4e2d\u663e\u793a\u5df2\u77e5\u6089\u7684\u8b66\u544a(&S)", None))
    # retranslateUi

