# Build the Windows bundle and installer on a Windows build PC (Windows 10 1809+ x64, Python
# 3.11+, network once). Output: dist\jixiao-desktop\ (the one-folder bundle) and
# dist\setup\jixiao-desktop-<version>-setup.exe (Inno Setup 6.4 ISCC.exe on PATH or in
# "C:\Program Files (x86)\Inno Setup 6"). The same steps are proven on Linux under Wine on every
# change by packaging/windows/check_on_linux.sh.
#
# Every native command's exit code is checked: PowerShell's $ErrorActionPreference does not stop
# on a failing .exe, so without Invoke-Checked a failed test run or build went on silently.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Checked {
    param([Parameter(Mandatory)][string]$What, [Parameter(Mandatory)][scriptblock]$Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

Invoke-Checked "tests" { py -3 scripts\dev.py test -q }
Invoke-Checked "pip install pyinstaller" { .\.venv\Scripts\python.exe -m pip install -q "pyinstaller==6.22.3" }
# The window's program is a 44 KB launcher of jixiao-cli.exe (packaging\windows\launcher.c), so the
# bundle holds one PyInstaller program, not two copies of the Python archive. Any MinGW-w64 gcc
# (winlibs, MSYS2) builds it; the Linux check cross-builds the same file with Debian's mingw-w64.
$gcc = Get-Command gcc.exe -ErrorAction SilentlyContinue
$windres = Get-Command windres.exe -ErrorAction SilentlyContinue
if (-not $gcc -or -not $windres) { throw "MinGW-w64 gcc.exe and windres.exe are needed on PATH to build the window launcher" }
New-Item -ItemType Directory -Force -Path build\launcher | Out-Null
Invoke-Checked "windres" { & $windres.Source packaging\windows\launcher.rc -O coff -o build\launcher\launcher.res }
Invoke-Checked "gcc launcher" {
    & $gcc.Source -municode -mwindows -O2 -s -o build\launcher\jixiao-desktop.exe packaging\windows\launcher.c build\launcher\launcher.res
}
$env:JIXIAO_GUI_LAUNCHER = (Resolve-Path build\launcher\jixiao-desktop.exe).Path
Invoke-Checked "PyInstaller" {
    .\.venv\Scripts\pyinstaller.exe --noconfirm --clean --distpath dist --workpath build packaging\jixiao-desktop.spec
}
$bundle = "dist\jixiao-desktop"
$app = "$bundle\jixiao-desktop.exe"   # the window (no console)
$cli = "$bundle\jixiao-cli.exe"       # the command line (console program)
$mb = [math]::Ceiling(((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum) / 1e6)
Write-Output "bundle: $mb MB"
if ($mb -gt 110) { throw "the bundle is $mb MB, over 110 MB" }

$tmp = New-Item -ItemType Directory -Path (Join-Path $env:TEMP ("jixiao-" + [guid]::NewGuid()))
Invoke-Checked "jixiao-cli --version" { & $cli --version }
Invoke-Checked "jixiao-cli import" { & $cli import tests\fixtures\jinrongjie-2021.json --db "$tmp\t.db" }
Invoke-Checked "jixiao-cli export-db" { & $cli export-db 1 "$tmp\t.pdf" --db "$tmp\t.db" }
Invoke-Checked "jixiao-cli export" { & $cli export tests\fixtures\niujie-2021.json "$tmp\t.xlsx" }
Invoke-Checked "jixiao-cli check --profile" { & $cli check --profile sc tests\fixtures\niujie-2021.json }
$env:JIXIAO_DB = "$tmp\t.db"; $env:JIXIAO_CONFIG_DIR = "$tmp\cfg"; $env:JIXIAO_SELFTEST = "1"
# A windowed program returns at once unless waited for: Start-Process -Wait gives its exit code.
$p = Start-Process -FilePath $app -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "the window's self-test failed (exit code $($p.ExitCode))" }
Remove-Item Env:JIXIAO_SELFTEST

$iscc = Get-Command ISCC.exe -ErrorAction SilentlyContinue
$isccPath = if ($iscc) { $iscc.Source } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $isccPath)) { throw "Inno Setup 6 (ISCC.exe) not found" }
# Version: JIXIAO_VERSION if set, else installer.iss reads jixiao_desktop\__init__.py.
Invoke-Checked "ISCC" { & $isccPath /Q "/DDistDir=$((Resolve-Path $bundle).Path)" "/O$((Join-Path (Get-Location) 'dist\setup'))" packaging\installer.iss }
Write-Output "bundle OK: $bundle; installer: dist\setup"
