#!/usr/bin/env bash
# Put dist/kpidesk.app in a compressed, read-only disk image with a link to
# /Applications: dist/installer/kpidesk-<version>-macos-<arch>.dmg.
#
#     python packaging/build.py && packaging/macos/make_dmg.sh
#
# Sign the app before (packaging/macos/sign.sh app) and the DMG after (sign.sh dmg FILE).
set -euo pipefail
cd "$(dirname "$0")/../.."
APP=dist/kpidesk.app
[ -d "$APP" ] || { echo "no $APP: run python packaging/build.py first" >&2; exit 1; }
VERSION=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$APP/Contents/Info.plist")
ARCH=$(uname -m)
OUT=dist/installer/kpidesk-$VERSION-macos-$ARCH.dmg
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p dist/installer
ditto "$APP" "$STAGE/kpidesk.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$OUT"
hdiutil create -volname "kpidesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 "$OUT"
echo "$OUT"
