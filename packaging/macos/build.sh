#!/usr/bin/env bash
# Builds counselor-app for macOS: dist/counselor-app.app and dist/counselor-app-<version>.dmg.
#
#   packaging/macos/build.sh
#
# 1. Checks the prerequisites (macOS, Xcode command line tools, .venv with Python 3.11 and
#    PyInstaller, the spec) and reads the version from counselor_app/__init__.py.
# 2. Builds the .app with PyInstaller (packaging/pyinstaller/counselor-app.spec) and checks
#    its bundle identifier and version.
# 3. Runs `counselor-app.app/Contents/MacOS/counselor-app selftest` (a temporary vault, a
#    call, a PDF report and the verification).
# 4. With DEVELOPER_ID_APPLICATION set (the name or SHA-1 of a "Developer ID Application"
#    certificate in the keychain): signs every piece of code in the bundle, inside out,
#    with the hardened runtime and a secure timestamp, then the bundle with
#    entitlements.plist; verifies the signature and runs the self-test again, signed.
# 5. With NOTARY_PROFILE set too (a profile saved by `xcrun notarytool store-credentials`):
#    notarises the .app, staples the ticket to it and checks it with Gatekeeper (spctl).
# 6. Makes the disk image (the .app and a link to /Applications); when signing, signs it,
#    notarises it, staples it and checks it.
#
# Without DEVELOPER_ID_APPLICATION nothing is signed or notarised (each skipped step says
# so): the result runs on this Mac, and Gatekeeper blocks it on others.
#
# Written for the bash 3.2 that macOS ships. Stops at the first error.
set -euo pipefail

BUNDLE_ID="org.counselor-app.counselor-app"
PYTHON_VERSION="3.11"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
SPEC="$ROOT/packaging/pyinstaller/counselor-app.spec"
APP="$ROOT/dist/counselor-app.app"
EXE="$APP/Contents/MacOS/counselor-app"
ENTITLEMENTS="$HERE/entitlements.plist"
IDENTITY="${DEVELOPER_ID_APPLICATION:-}"
PROFILE="${NOTARY_PROFILE:-}"
PLISTBUDDY="${PLISTBUDDY:-/usr/libexec/PlistBuddy}"  # replaceable for dry-run.sh only

step() { printf '\n==> %s\n' "$*"; }
note() { printf '%s\n' "$*"; }
skip() { printf 'SKIPPED: %s\n' "$*"; }
die() {
    printf 'build.sh: %s\n' "$*" >&2
    exit 1
}

# The top-level string field $1 of the JSON file $2, or nothing.
json_field() {
    "$PYTHON" - "$1" "$2" <<'PY'
import json
import sys

try:
    with open(sys.argv[2], encoding="utf-8") as handle:
        value = json.load(handle).get(sys.argv[1], "")
except (OSError, ValueError, AttributeError):
    value = ""
print(value if isinstance(value, str) else "")
PY
}

sign_code() {
    # Hardened runtime (required for notarisation) and a secure timestamp on every piece.
    codesign --force --options runtime --timestamp --sign "$IDENTITY" "$@"
}

notarize() {
    # Sends $1 to Apple's notary service and waits for its answer; stops unless accepted.
    local file=$1 name out rc status id
    name=$(basename "$file")
    out="$WORK/notary-$name.json"
    step "Notarising $name (waits for Apple's answer, usually a few minutes)"
    rc=0
    xcrun notarytool submit "$file" --keychain-profile "$PROFILE" --wait \
        --output-format json >"$out" || rc=$?
    status=$(json_field status "$out")
    id=$(json_field id "$out")
    if [ "$status" != "Accepted" ]; then
        cat "$out" >&2
        if [ -n "$id" ]; then
            xcrun notarytool log "$id" --keychain-profile "$PROFILE" >&2 || true
        fi
        die "notarisation of $name was not accepted (status '${status:-none}', notarytool exit code $rc)"
    fi
    note "Accepted (submission $id)."
}

# ------------------------------------------------------------------------ prerequisites
step "Checking the prerequisites"

system=$(uname -s)
[ "$system" = Darwin ] || die "this script builds the macOS package; run it on a Mac."
xcode-select -p >/dev/null 2>&1 ||
    die "the Xcode command line tools are missing: xcode-select --install"
for tool in codesign ditto file hdiutil shasum spctl xattr xcrun "$PLISTBUDDY"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing."
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/counselor-app-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[ -x "$PYTHON" ] || die "no virtual environment at $ROOT/.venv. Create it with Python $PYTHON_VERSION:
  python$PYTHON_VERSION -m venv .venv && .venv/bin/python -m pip install -e '.[package]'"
found_python=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[ "$found_python" = "$PYTHON_VERSION" ] ||
    die "$PYTHON is Python $found_python; Python $PYTHON_VERSION is needed."
pyinstaller_version=$("$PYTHON" -m PyInstaller --version 2>/dev/null) ||
    die "PyInstaller is not installed in .venv: .venv/bin/python -m pip install -e '.[package]'"
[ -f "$SPEC" ] || die "the PyInstaller spec is missing: $SPEC"

VERSION=$("$PYTHON" - "$ROOT/counselor_app/__init__.py" <<'PY'
import re
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    found = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", handle.read(), re.MULTILINE)
print(found.group(1) if found else "")
PY
)
[ -n "$VERSION" ] || die "no __version__ in counselor_app/__init__.py."
note "counselor-app $VERSION; Python $found_python, PyInstaller $pyinstaller_version"

if [ -n "$IDENTITY" ]; then
    identities=$(security find-identity -v -p codesigning) ||
        die "cannot list the code-signing identities of the keychain (security find-identity)."
    grep -Fq -- "$IDENTITY" <<<"$identities" ||
        die "no valid code-signing identity '$IDENTITY' in the keychain (security find-identity -v -p codesigning)."
    note "Signing as: $IDENTITY"
    if [ -n "$PROFILE" ]; then
        # Fails now, not after the build, when the profile is missing or its password is wrong.
        xcrun notarytool history --keychain-profile "$PROFILE" >/dev/null ||
            die "the notarisation profile '$PROFILE' does not work (xcrun notarytool store-credentials)."
        note "Notarising with the profile: $PROFILE"
    else
        note "NOTARY_PROFILE is not set: the build will be signed but not notarised."
    fi
else
    note "DEVELOPER_ID_APPLICATION is not set: the build will be neither signed nor notarised."
fi

# -------------------------------------------------------------------------- the program
step "Building the app with PyInstaller"
cd "$ROOT"
"$PYTHON" -m PyInstaller "$SPEC" --noconfirm --clean
[ -x "$EXE" ] || die "PyInstaller did not produce $EXE."

plist="$APP/Contents/Info.plist"
found_id=$("$PLISTBUDDY" -c 'Print :CFBundleIdentifier' "$plist")
[ "$found_id" = "$BUNDLE_ID" ] ||
    die "the bundle identifier is '$found_id', '$BUNDLE_ID' was agreed (packaging/pyinstaller/counselor-app.spec)."
found_version=$("$PLISTBUDDY" -c 'Print :CFBundleShortVersionString' "$plist")
[ "$found_version" = "$VERSION" ] ||
    die "the bundle says version '$found_version', counselor_app/__init__.py says '$VERSION'."

step "Running the self-test of the built app"
"$EXE" selftest || die "the self-test of the built app failed."

# ------------------------------------------------------------------------------ signing
if [ -n "$IDENTITY" ]; then
    # Inside out, without --deep: Apple advises against signing with --deep, which gives
    # every nested piece the options and entitlements meant for the app. PyInstaller puts
    # all code under Contents/MacOS and Contents/Frameworks (data under
    # Contents/Resources, linked back), so the lists below find it all; the verification
    # with --deep afterwards and the notary service would name anything left unsigned.
    step "Signing the code in the bundle"
    # Extended attributes (Finder information, resource forks) make codesign refuse a file.
    xattr -cr "$APP"
    machos="$WORK/mach-o.txt"
    find "$APP/Contents" -type f ! -path "$EXE" -exec file -N -F $'\t' {} + |
        awk -F'\t' '$2 ~ /Mach-O/ { print $1 }' >"$machos"
    frameworks="$WORK/frameworks.txt"
    find "$APP/Contents" -type d -name '*.framework' |
        awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2- >"$frameworks"
    count_machos=$(wc -l <"$machos")
    count_frameworks=$(wc -l <"$frameworks")
    note "$((count_machos)) Mach-O files, $((count_frameworks)) frameworks"
    # Libraries and extension modules first, then each framework (deepest first) ...
    while IFS= read -r file; do
        sign_code "$file"
    done <"$machos"
    while IFS= read -r framework; do
        sign_code "$framework"
    done <"$frameworks"
    # ... and the bundle last: its main executable gets the entitlements.
    step "Signing the app"
    sign_code --entitlements "$ENTITLEMENTS" "$APP"

    step "Checking the signature"
    codesign --verify --strict --deep --verbose=2 "$APP"
    codesign --display --verbose=2 "$APP"

    step "Running the self-test of the signed app (hardened runtime)"
    "$EXE" selftest || die "the self-test of the signed app failed: see entitlements.plist in README.md."
else
    skip "signing: DEVELOPER_ID_APPLICATION is not set (PyInstaller's ad-hoc signature only)."
fi

if [ -n "$IDENTITY" ] && [ -n "$PROFILE" ]; then
    # The app itself is notarised and stapled, so that it passes Gatekeeper even offline
    # once copied out of the disk image.
    app_zip="$WORK/counselor-app-$VERSION-app.zip"
    ditto -c -k --sequesterRsrc --keepParent "$APP" "$app_zip"
    notarize "$app_zip"
    xcrun stapler staple "$APP"
    xcrun stapler validate "$APP"
    spctl --assess --type execute --verbose=4 "$APP"
else
    skip "notarising the app: needs DEVELOPER_ID_APPLICATION and NOTARY_PROFILE."
    skip "Gatekeeper check (spctl) of the app: it would reject an app that is not notarised."
fi

# ---------------------------------------------------------------------- the disk image
step "Making the disk image"
stage="$ROOT/build/dmg"
rm -rf "$stage"
mkdir -p "$stage"
ditto "$APP" "$stage/counselor-app.app"
ln -s /Applications "$stage/Applications"
DMG="$ROOT/dist/counselor-app-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname counselor-app -srcfolder "$stage" -ov -format UDZO "$DMG"
hdiutil verify "$DMG"
rm -rf "$stage"

if [ -n "$IDENTITY" ]; then
    step "Signing the disk image"
    codesign --force --timestamp --sign "$IDENTITY" "$DMG"
    codesign --verify --strict --verbose=2 "$DMG"
else
    skip "signing the disk image: DEVELOPER_ID_APPLICATION is not set."
fi

if [ -n "$IDENTITY" ] && [ -n "$PROFILE" ]; then
    notarize "$DMG"
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=4 "$DMG"
else
    skip "notarising the disk image: needs DEVELOPER_ID_APPLICATION and NOTARY_PROFILE."
fi

step "Done"
note "App:        $APP"
note "Disk image: $DMG"
checksum=$(shasum -a 256 "$DMG")
note "SHA-256:    ${checksum%% *}"
if [ -z "$IDENTITY" ]; then
    note "Not signed, not notarised: for this Mac only."
elif [ -z "$PROFILE" ]; then
    note "Signed, not notarised: Gatekeeper will still block it on other Macs."
fi
