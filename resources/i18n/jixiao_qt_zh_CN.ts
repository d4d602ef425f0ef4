<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt strings whose source text changed after qtbase_zh_CN.qm was made (Qt 6.11 added the
     mnemonics), so the bundled qtbase translation misses them. Compiled to jixiao_qt_zh_CN.qm
     by `pyside6-lrelease resources/i18n/jixiao_qt_zh_CN.ts`; tests/ui/test_translations.py
     fails when a string of Qt's file dialog shows in English again. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
