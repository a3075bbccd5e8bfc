#!/usr/bin/env bash
# Runs build.sh on Linux (or a Mac) with every macOS and Apple tool replaced by a
# stand-in that records its arguments, in a throw-away copy of the layout build.sh
# expects, and checks what it did in each case: unsigned; signed and notarised; signed
# only; and the failures (notarisation refused, self-test failing, wrong bundle
# identifier, wrong version, unknown signing identity).
#
#   packaging/macos/dry-run.sh
#
# This checks the script's logic and the order of its commands, not the tools: nothing
# here signs, notarises or makes a real disk image. Needs bash, file(1) and python3.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REAL_PYTHON=$(command -v python3)
T=$(mktemp -d "${TMPDIR:-/tmp}/counselor-app-dry-run.XXXXXX")
trap 'rm -rf "$T"' EXIT
LOG="$T/calls.log"
ROOT="$T/root"
IDENTITY_NAME="Developer ID Application: Helpline Org (TEAM123456)"

mkdir -p "$ROOT/packaging/macos" "$ROOT/packaging/pyinstaller" "$ROOT/counselor_app" "$T/bin"
cp "$HERE/build.sh" "$HERE/entitlements.plist" "$ROOT/packaging/macos/"
echo "# stand-in spec" >"$ROOT/packaging/pyinstaller/counselor-app.spec"

# A stand-in that records "name arguments" in the log and does nothing else.
recorder() {
    printf '#!/usr/bin/env bash\necho "%s $*" >>"%s"\n' "$1" "$LOG" >"$T/bin/$1"
    chmod +x "$T/bin/$1"
}
for tool in codesign spctl xattr xcode-select; do
    recorder "$tool"
done

cat >"$T/bin/uname" <<'EOF'
#!/usr/bin/env bash
echo Darwin
EOF
cat >"$T/bin/shasum" <<'EOF'
#!/usr/bin/env bash
echo "0000000000000000000000000000000000000000000000000000000000000000  ${*: -1}"
EOF
cat >"$T/bin/security" <<EOF
#!/usr/bin/env bash
echo "security \$*" >>"$LOG"
echo '  1) 0123456789ABCDEF0123456789ABCDEF01234567 "$IDENTITY_NAME"'
echo '     1 valid identities found'
EOF
cat >"$T/bin/ditto" <<EOF
#!/usr/bin/env bash
echo "ditto \$*" >>"$LOG"
if [ "\$1" = -c ]; then : >"\${*: -1}"; else cp -R "\$1" "\$2"; fi
EOF
cat >"$T/bin/hdiutil" <<EOF
#!/usr/bin/env bash
echo "hdiutil \$*" >>"$LOG"
if [ "\$1" = create ]; then : >"\${*: -1}"; fi
EOF
# notarytool answers with the status in NOTARY_STATUS (Accepted unless told otherwise).
cat >"$T/bin/xcrun" <<EOF
#!/usr/bin/env bash
echo "xcrun \$*" >>"$LOG"
if [ "\$1 \$2" = "notarytool submit" ]; then
    status=\${NOTARY_STATUS:-Accepted}
    printf '{"id": "1234-abcd", "status": "%s", "message": "done"}\n' "\$status"
    [ "\$status" = Accepted ]
fi
EOF
cat >"$T/bin/PlistBuddy" <<'EOF'
#!/usr/bin/env bash
case "$2" in
    *CFBundleIdentifier*) echo "${FAKE_BUNDLE_ID:-org.counselor-app.counselor-app}" ;;
    *CFBundleShortVersionString*) echo "${FAKE_BUNDLE_VERSION:-0.1.0}" ;;
esac
EOF
# The interpreter: "-m PyInstaller" lays out a small .app (Mach-O headers, a framework,
# symbolic links, data); anything else goes to the real python3.
cat >"$T/python" <<EOF
#!/usr/bin/env bash
if [ "\$1 \$2" != "-m PyInstaller" ]; then exec "$REAL_PYTHON" "\$@"; fi
if [ "\$3" = --version ]; then echo 6.22.3; exit 0; fi
echo "pyinstaller \$*" >>"$LOG"
c="$ROOT/dist/counselor-app.app/Contents"
rm -rf "$ROOT/dist/counselor-app.app"
fw="\$c/Frameworks/PySide6/Qt/lib/QtCore.framework"
mkdir -p "\$c/MacOS" "\$c/Resources" "\$c/Frameworks/sqlcipher3" "\$fw/Versions/A/Resources"
printf '#!/usr/bin/env bash\necho "selftest \$*" >>"$LOG"\nexit \${SELFTEST_EXIT:-0}\n' >"\$c/MacOS/counselor-app"
chmod +x "\$c/MacOS/counselor-app"
macho() { printf '\317\372\355\376\007\000\000\001\003\000\000\000\006\000\000\000' >"\$1"; head -c 2048 /dev/zero >>"\$1"; }
macho "\$c/Frameworks/libpython3.11.dylib"
macho "\$c/Frameworks/sqlcipher3/_sqlite3.cpython-311-darwin.so"
macho "\$fw/Versions/A/QtCore"
ln -s A "\$fw/Versions/Current"
ln -s Versions/Current/QtCore "\$fw/QtCore"
echo '<plist/>' >"\$fw/Versions/A/Resources/Info.plist"
echo data >"\$c/Resources/base_library.zip"
ln -s ../Resources/base_library.zip "\$c/Frameworks/base_library.zip"
echo '<plist/>' >"\$c/Info.plist"
EOF
chmod +x "$T"/bin/* "$T/python"

passed=0
failed=0
check() {
    # check DESCRIPTION COMMAND...: counts a pass when COMMAND succeeds.
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAILED: %s\n' "$what"
        sed 's/^/    | /' "$T/out.txt"
    fi
}
logged() { grep -Fq -- "$1" "$LOG"; }
not_logged() { ! grep -Fq -- "$1" "$LOG"; }
not_logged_re() { ! grep -Eq -- "$1" "$LOG"; }
# The line number of the first call matching the extended regular expression $1 (0: none).
line_of() {
    local found
    found=$(grep -nE -- "$1" "$LOG" | head -n 1 | cut -d: -f1) || true
    echo "${found:-0}"
}
before() {
    local first second
    first=$(line_of "$1")
    second=$(line_of "$2")
    [ "$first" -gt 0 ] && [ "$second" -gt "$first" ]
}
out_has() { grep -Fq -- "$1" "$T/out.txt"; }

# run EXPECTED_EXIT [NAME=VALUE...]: runs build.sh in a clean environment.
run() {
    local expected=$1 code=0
    shift
    : >"$LOG"
    printf '"""x"""\n\n__version__ = "0.1.0"\n' >"$ROOT/counselor_app/__init__.py"
    env -i HOME="$T" TMPDIR="$T" PATH="$T/bin:/usr/bin:/bin" PYTHON="$T/python" \
        PLISTBUDDY="$T/bin/PlistBuddy" "$@" \
        bash "$ROOT/packaging/macos/build.sh" >"$T/out.txt" 2>&1 || code=$?
    [ "$code" -eq "$expected" ]
}

app="$ROOT/dist/counselor-app.app"
sign="codesign --force --options runtime --timestamp --sign $IDENTITY_NAME"

check "unsigned build succeeds" run 0
check "unsigned: self-test run once" test "$(grep -c '^selftest' "$LOG")" -eq 1
check "unsigned: nothing signed" not_logged "codesign"
check "unsigned: nothing notarised" not_logged "notarytool"
check "unsigned: disk image made" logged "hdiutil create -volname counselor-app -srcfolder $ROOT/build/dmg -ov -format UDZO $ROOT/dist/counselor-app-0.1.0.dmg"
check "unsigned: says so" out_has "SKIPPED: signing"

check "signed and notarised build succeeds" run 0 \
    DEVELOPER_ID_APPLICATION="$IDENTITY_NAME" NOTARY_PROFILE=notary
check "library signed" logged "$sign $app/Contents/Frameworks/libpython3.11.dylib"
check "extension module signed" logged "$sign $app/Contents/Frameworks/sqlcipher3/_sqlite3.cpython-311-darwin.so"
check "framework signed" logged "$sign $app/Contents/Frameworks/PySide6/Qt/lib/QtCore.framework"
check "framework binary before framework" before 'QtCore\.framework/Versions/A/QtCore$' 'QtCore\.framework$'
check "framework before app" before 'QtCore\.framework$' '--entitlements'
check "libraries before framework" before 'libpython3\.11\.dylib$' 'QtCore\.framework$'
check "app signed with the entitlements" logged "$sign --entitlements $ROOT/packaging/macos/entitlements.plist $app"
check "entitlements on the app only" test "$(grep -c -- '--entitlements' "$LOG")" -eq 1
check "main executable not signed on its own" not_logged "$sign $app/Contents/MacOS/counselor-app"
check "data and links not signed" not_logged "base_library.zip"
check "no --deep when signing" not_logged_re '^codesign --force.*--deep'
check "verified with --deep" logged "codesign --verify --strict --deep --verbose=2 $app"
check "self-test again once signed" test "$(grep -c '^selftest' "$LOG")" -eq 2
check "signature verified before notarising" before '^codesign --verify --strict --deep' '^xcrun notarytool submit'
check "app notarised before the disk image is made" before 'notarytool submit .*-app\.zip' '^hdiutil create'
check "app stapled before the disk image is made" before '^xcrun stapler staple .*\.app$' '^hdiutil create'
check "app stapled" logged "xcrun stapler staple $app"
check "app assessed" logged "spctl --assess --type execute --verbose=4 $app"
check "disk image signed" logged "codesign --force --timestamp --sign $IDENTITY_NAME $ROOT/dist/counselor-app-0.1.0.dmg"
check "disk image notarised" logged "xcrun notarytool submit $ROOT/dist/counselor-app-0.1.0.dmg --keychain-profile notary --wait"
check "disk image stapled" logged "xcrun stapler staple $ROOT/dist/counselor-app-0.1.0.dmg"
check "disk image assessed" logged "spctl --assess --type open --context context:primary-signature"

check "signed without a profile succeeds" run 0 DEVELOPER_ID_APPLICATION="$IDENTITY_NAME"
check "signed only: signed" logged "--entitlements"
check "signed only: not notarised" not_logged "notarytool"
check "signed only: no spctl" not_logged "spctl"

check "refused notarisation stops the build" run 1 \
    DEVELOPER_ID_APPLICATION="$IDENTITY_NAME" NOTARY_PROFILE=notary NOTARY_STATUS=Invalid
check "refused notarisation: log fetched" logged "xcrun notarytool log 1234-abcd"
check "refused notarisation: no disk image" not_logged "hdiutil create"

check "failing self-test stops the build" run 1 SELFTEST_EXIT=3
check "failing self-test: no disk image" not_logged "hdiutil"
check "wrong bundle identifier stops the build" run 1 FAKE_BUNDLE_ID=com.example.other
check "wrong version stops the build" run 1 FAKE_BUNDLE_VERSION=0.2.0
check "wrong version: says which" out_has "the bundle says version '0.2.0', counselor_app/__init__.py says '0.1.0'"
check "unknown identity stops before building" run 1 \
    DEVELOPER_ID_APPLICATION="Developer ID Application: Someone Else (OTHER12345)"
check "unknown identity: nothing built" not_logged "pyinstaller"

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
