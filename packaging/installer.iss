; Inno Setup script: a per-user installer (no administrator rights needed on office PCs).
; Compiled by packaging/windows/check_on_linux.sh (ISCC from npm "innosetup", under Wine) and by
; packaging/build_windows.ps1 on a Windows build PC. UTF-8 with BOM: ISCC reads Chinese right.
;
; Version: JIXIAO_VERSION from the environment, else __version__ from jixiao_desktop/__init__.py
; (what pyproject.toml's dynamic version reads). DistDir: the PyInstaller one-folder bundle.
#define AppVersion GetEnv("JIXIAO_VERSION")
#if AppVersion == ""
  #define VersionFile AddBackslash(SourcePath) + "..\jixiao_desktop\__init__.py"
  #define VersionHandle FileOpen(VersionFile)
  #if !VersionHandle
    #error Cannot read the version: jixiao_desktop\__init__.py not found
  #endif
  #define VersionLine ""
  #sub ReadVersionLine
    ; a #define inside a #sub is private to it unless declared public
    #define public VersionLine FileRead(VersionHandle)
    #if Pos("__version__", VersionLine) == 1
      #define public AppVersion Copy(VersionLine, Pos('"', VersionLine) + 1, RPos('"', VersionLine) - Pos('"', VersionLine) - 1)
    #endif
  #endsub
  #for {0; !FileEof(VersionHandle) && AppVersion == ""; 0} ReadVersionLine
  #expr FileClose(VersionHandle)
  #if AppVersion == ""
    #error Cannot read the version: no __version__ line in jixiao_desktop\__init__.py
  #endif
#endif
#ifndef DistDir
  #define DistDir "..\dist\jixiao-desktop"
#endif

[Setup]
; A fixed AppId: every version updates the same installation and the same uninstall entry.
AppId={{7B1D6C52-4E0A-4F7B-9C1E-5A3D2B8F6E41}
AppName=绩效目标申报助手
AppVersion={#AppVersion}
AppVerName=绩效目标申报助手 {#AppVersion}
AppPublisher=jixiao-desktop
DefaultDirName={localappdata}\Programs\jixiao-desktop
DefaultGroupName=绩效目标申报助手
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
; Qt 6.11 needs Windows 10 1809 (build 17763) or later, 64-bit.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=jixiao-desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\jixiao-desktop.exe
UninstallDisplayName=绩效目标申报助手 {#AppVersion}
Compression=lzma2
LZMAUseSeparateProcess=yes
LZMANumBlockThreads=2
SolidCompression=yes
WizardStyle=modern
; The clerk's data (%LOCALAPPDATA%\jixiao-desktop, documents) is never inside {app}, so an
; uninstall removes the program and keeps every form.

[Languages]
; Stock Inno Setup 6.4 has no Simplified Chinese: the project ships its own translation.
Name: "chs"; MessagesFile: "windows\ChineseSimplified.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\绩效目标申报助手"; Filename: "{app}\jixiao-desktop.exe"
Name: "{group}\卸载绩效目标申报助手"; Filename: "{uninstallexe}"
Name: "{userdesktop}\绩效目标申报助手"; Filename: "{app}\jixiao-desktop.exe"

[UninstallDelete]
; Python writes __pycache__ beside bundled Alembic scripts when the folder is writable.
Type: filesandordirs; Name: "{app}\_internal\jixiao_desktop\storage\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\jixiao_desktop\storage\migrations\versions\__pycache__"
Type: dirifempty; Name: "{app}"

[Run]
Filename: "{app}\jixiao-desktop.exe"; Description: "启动绩效目标申报助手"; Flags: nowait postinstall skipifsilent
