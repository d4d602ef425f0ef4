; Inno Setup script: a per-user installer (no administrator rights needed on office PCs).
#define AppVersion GetEnv("JIXIAO_VERSION")
[Setup]
AppName=绩效目标申报助手
AppVersion={#AppVersion}
AppPublisher=jixiao-desktop
DefaultDirName={localappdata}\Programs\jixiao-desktop
DefaultGroupName=绩效目标申报助手
PrivilegesRequired=lowest
OutputBaseFilename=jixiao-desktop-setup
Compression=lzma2
SolidCompression=yes
[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
[Files]
Source: "..\dist\jixiao-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
[Icons]
Name: "{group}\绩效目标申报助手"; Filename: "{app}\jixiao-desktop.exe"
Name: "{userdesktop}\绩效目标申报助手"; Filename: "{app}\jixiao-desktop.exe"
[Run]
Filename: "{app}\jixiao-desktop.exe"; Description: "启动绩效目标申报助手"; Flags: nowait postinstall skipifsilent
