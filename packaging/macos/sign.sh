#!/usr/bin/env bash
# Sign and notarise, only when the identity is given; otherwise say so and exit 0.
#
#     packaging/macos/sign.sh app            # codesign dist/kpidesk.app (hardened runtime)
#     packaging/macos/sign.sh dmg FILE.dmg   # codesign the DMG, notarise it, staple the ticket
#
# Environment (GitHub secrets in CI):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)", in an unlocked keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool (app-specific password)
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTITLEMENTS=packaging/macos/entitlements.plist
if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "MACOS_SIGN_IDENTITY not set: not signing (the app will need right-click › Open on first start)."
  exit 0
fi
sign() {
  codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" --sign "$MACOS_SIGN_IDENTITY" "$@"
}
case "${1:-}" in
  app)
    APP=dist/kpidesk.app
    # Inside out: every Mach-O library and executable, then the bundle itself.
    find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -111 \) -print0 |
      while IFS= read -r -d '' f; do
        if file "$f" | grep -q "Mach-O"; then sign "$f"; fi
      done
    find "$APP/Contents" -name "*.framework" -type d -prune -print0 |
      while IFS= read -r -d '' fw; do sign "$fw"; done
    sign "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
    ;;
  dmg)
    DMG=${2:?the DMG to sign}
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
      xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
      xcrun stapler staple "$DMG"
      spctl --assess --type open --context context:primary-signature --verbose "$DMG"
    else
      echo "APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not set: signed but not notarised."
    fi
    ;;
  *)
    echo "usage: $0 app | dmg FILE.dmg" >&2
    exit 2
    ;;
esac
