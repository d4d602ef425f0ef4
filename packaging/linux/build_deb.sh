#!/usr/bin/env bash
# The Linux desktop package (统信UOS, 麒麟 and other Debian-based desktops): the same PyInstaller
# one-folder bundle as Windows, in a .deb with a Chinese desktop entry, an icon and Depends on
# the X11 (xcb) libraries Qt's window needs. Built, installed with apt (which pulls those
# libraries from the distribution), smoke-tested as a clerk uses it (command line on forms in a
# Chinese folder, the window's self-test on Xvfb), then removed.
#
# Usage: bash packaging/linux/build_deb.sh   (root, for apt; output: dist/jixiao-desktop_<v>_amd64.deb)
#        JIXIAO_DEB_NO_INSTALL=1 only builds the package.
set -euo pipefail
START=$(date +%s)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
step() { printf '\n=== [%4ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

VERSION=$(python3 -c "import re,sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read())[1])" jixiao_desktop/__init__.py)
ARCH=$(dpkg --print-architecture)
# The libraries libqxcb.so links against (jixiao_desktop/display_check.py lists the same), plus
# OpenGL/EGL, fontconfig, D-Bus and GLib that Qt itself loads.
DEPENDS="libxcb1, libx11-6, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, \
libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, \
libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libgl1, libegl1, libfontconfig1, \
libfreetype6, libdbus-1-3, libglib2.0-0"

step "PyInstaller bundle for Linux (packaging/jixiao-desktop.spec)"
python3 scripts/dev.py test --co -q >/dev/null   # makes sure .venv exists with the app installed
.venv/bin/pip install -q --disable-pip-version-check "pyinstaller==6.22.3"
BUILD=$(mktemp -d)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath "$BUILD/dist" --workpath "$BUILD/work" \
  packaging/jixiao-desktop.spec
echo "bundle: $(( ($(du -sb "$BUILD/dist/jixiao-desktop" | cut -f1) + 999999) / 1000000 )) MB"

step "the .deb: /opt/jixiao-desktop, /usr/bin links, a Chinese desktop entry, the icon"
PKG="$BUILD/pkg"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/doc/jixiao-desktop"
cp -a "$BUILD/dist/jixiao-desktop" "$PKG/opt/jixiao-desktop"
ln -s /opt/jixiao-desktop/jixiao-desktop "$PKG/usr/bin/jixiao-desktop"
ln -s /opt/jixiao-desktop/jixiao-cli "$PKG/usr/bin/jixiao-cli"
install -m 644 resources/icons/app.png "$PKG/usr/share/icons/hicolor/256x256/apps/jixiao-desktop.png"
cat > "$PKG/usr/share/applications/jixiao-desktop.desktop" <<EOF
[Desktop Entry]
Type=Application
Version=1.0
Name=绩效目标申报助手
Name[zh_CN]=绩效目标申报助手
GenericName=Performance target forms
GenericName[zh_CN]=部门整体支出绩效目标申报表
Comment=填写、检查、导出和打印部门整体支出绩效目标申报表
Comment[zh_CN]=填写、检查、导出和打印部门整体支出绩效目标申报表
Exec=/opt/jixiao-desktop/jixiao-desktop
Icon=jixiao-desktop
Terminal=false
Categories=Office;
Keywords=绩效;申报;预算;财政;
StartupWMClass=jixiao-desktop
EOF
cat > "$PKG/usr/share/doc/jixiao-desktop/copyright" <<'EOF'
绩效目标申报助手 (jixiao-desktop). Bundled fonts and their licences: /opt/jixiao-desktop/_internal/resources/fonts/.
EOF
SIZE_KB=$(du -sk "$PKG/opt" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: jixiao-desktop
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Maintainer: jixiao-desktop <jixiao-desktop@localhost>
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Description: 绩效目标申报助手 — 部门整体支出绩效目标申报表
 Fill in, check, export (xlsx, PDF) and print the department-wide performance target
 forms; a finance bureau collects and reviews them. Offline; data stays on this computer.
EOF
mkdir -p dist
DEB="dist/jixiao-desktop_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz -z1 --build "$PKG" "$DEB" >/dev/null
rm -rf "$BUILD"
echo "deb: $DEB $(( ($(stat -c %s "$DEB") + 999999) / 1000000 )) MB"
dpkg-deb -f "$DEB" Depends | grep -q libxcb-cursor0 || fail "Depends lacks the xcb libraries"
[ "${JIXIAO_DEB_NO_INSTALL:-0}" = 1 ] && exit 0
[ "$(id -u)" = 0 ] || fail "installing the .deb needs root"

step "install with apt (pulls the xcb libraries), smoke-test as a clerk"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$DEB" >/dev/null \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$DEB" >/dev/null; }
dpkg -s jixiao-desktop | grep -q "Status: install ok installed" || fail "dpkg does not list it installed"
grep -q "^Name\[zh_CN\]=绩效目标申报助手" /usr/share/applications/jixiao-desktop.desktop || fail "desktop entry"
[ -f /usr/share/icons/hicolor/256x256/apps/jixiao-desktop.png ] || fail "icon"
HOME_T=$(mktemp -d)
DOCS="$HOME_T/文档/2024年预算/绩效目标 申报"
mkdir -p "$DOCS"
cp tests/fixtures/niujie-2021.json "$DOCS/牛街街道-2021.json"
cp tests/fixtures/jinrongjie-2021.json "$DOCS/金融街街道-2021.json"
export HOME="$HOME_T" JIXIAO_DB="$DOCS/数据/申报.db" JIXIAO_CONFIG_DIR="$HOME_T/.config/jixiao-desktop"
jixiao-cli --version | grep -q "$VERSION" || fail "jixiao-cli --version"
jixiao-cli check "$DOCS/牛街街道-2021.json" >/dev/null || fail "check"
jixiao-cli check --profile sc "$DOCS/牛街街道-2021.json" >/dev/null || fail "check --profile (package data)"
jixiao-cli export "$DOCS/牛街街道-2021.json" "$DOCS/牛街街道-2021.pdf" || fail "export pdf"
jixiao-cli export "$DOCS/金融街街道-2021.json" "$DOCS/金融街街道-2021.xlsx" || fail "export xlsx"
jixiao-cli import "$DOCS/金融街街道-2021.xlsx" >/dev/null || fail "import"
jixiao-cli list | grep -q "金融街" || fail "list"
jixiao-cli library list >/dev/null || fail "library list (package data)"
jixiao-cli collect --db "$DOCS/数据/财政局.db" "$DOCS" >/dev/null || fail "collect"
rc=0; said=$(jixiao-cli check "$DOCS/没有.json" 2>&1) || rc=$?
[ "$rc" = 2 ] && echo "$said" | grep -q "错误" || fail "a missing file is not said in Chinese (exit $rc: $said)"
if command -v Xvfb >/dev/null; then
  for n in $(seq 60 69); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { DNUM=$n; break; }; done
  Xvfb ":$DNUM" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
  sleep 1
  DISPLAY=":$DNUM" QT_QPA_PLATFORM=xcb JIXIAO_SELFTEST=1 timeout 120 jixiao-desktop || { kill $XPID; fail "window self-test on X11"; }
  kill "$XPID"
fi

step "remove: the program goes, the clerk's data stays"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq jixiao-desktop >/dev/null
[ ! -e /opt/jixiao-desktop ] && [ ! -e /usr/bin/jixiao-cli ] || fail "files left after removal"
[ -f "$DOCS/数据/申报.db" ] && [ -f "$DOCS/牛街街道-2021.pdf" ] || fail "removal touched the clerk's data"
rm -rf "$HOME_T"
step ".deb checked in $(( $(date +%s) - START )) s"
