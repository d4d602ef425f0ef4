# Build the Windows bundle (run on a Windows build PC with Python 3.11+ and network once).
# Output: dist\jixiao-desktop\jixiao-desktop.exe — copy the whole folder (or the installer made
# from packaging\installer.iss with Inno Setup) to office PCs: no Python, no network needed.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
py -3 scripts\dev.py test -q
if ($LASTEXITCODE -ne 0) { throw "tests failed" }
.\.venv\Scripts\python.exe -m pip install -q "pyinstaller==6.22.3"
.\.venv\Scripts\pyinstaller.exe --noconfirm --clean --distpath dist --workpath build packaging\jixiao-desktop.spec
$app = "dist\jixiao-desktop\jixiao-desktop.exe"   # the window (no console)
$cli = "dist\jixiao-desktop\jixiao-cli.exe"       # the command line (console program)
$tmp = New-Item -ItemType Directory -Path (Join-Path $env:TEMP ("jixiao-" + [guid]::NewGuid()))
& $cli import tests\fixtures\jinrongjie-2021.json --db "$tmp\t.db" | Write-Output
& $cli export-db 1 "$tmp\t.pdf" --db "$tmp\t.db" | Write-Output
if ($LASTEXITCODE -ne 0) { throw "CLI smoke test failed" }
$env:JIXIAO_DB = "$tmp\t.db"; $env:JIXIAO_CONFIG_DIR = "$tmp\cfg"; $env:JIXIAO_SELFTEST = "1"
& $app | Write-Output
Write-Output "bundle OK: dist\jixiao-desktop"
