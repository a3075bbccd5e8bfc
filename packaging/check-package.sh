#!/usr/bin/env bash
# Check the frozen folder and the .deb as IT would use them (`make package-check`, part of
# `make test`):
#   1. dist/counselor-app: the version, the licences of the bundled packages, `selftest`;
#   2. the .deb: no maintainer scripts and no conffiles; installed with apt-get (so its
#      Depends are resolved), /usr/bin/counselor-app runs `selftest` (offscreen, and on
#      X11 through Xvfb when it is installed) and `--version`; a vault is created as a
#      stand-in for a user's data, beside a stand-in site file;
#   3. removed, then purged: the command is gone, the vault and the site file are not.
# Installing needs root or sudo; without them this fails (it never skips).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=counselor-app
FROZEN=$(pwd)/dist/$NAME/$NAME
SITE_FILE=/etc/xdg/$NAME/$NAME.ini
PASSWORD="package check password"

step() { echo "package-check: $*"; }
fail() {
    echo "package-check: FAILED: $*" >&2
    exit 1
}

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' counselor_app/__init__.py)
[ -n "$VERSION" ] || fail "no __version__ in counselor_app/__init__.py"
DEB=dist/${NAME}_${VERSION}_$(dpkg --print-architecture).deb
[ -x "$FROZEN" ] || fail "$FROZEN is missing; run 'make package'."
[ -f "$DEB" ] || fail "$DEB is missing; run 'make deb'."

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    fail "installing $DEB needs root or sudo, and neither is available; run 'make test'" \
        "as root (CI does) or install sudo."
fi

work=$(mktemp -d)
installed_here=no
site_file_made=no
cleanup() {
    if [ "$installed_here" = yes ] && dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null |
        grep -q "install ok installed"; then
        $SUDO apt-get remove -y -qq "$NAME" >/dev/null 2>&1 || true
    fi
    if [ "$site_file_made" = yes ]; then
        $SUDO rm -f "$SITE_FILE"
        $SUDO rmdir "$(dirname "$SITE_FILE")" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Whatever the caller's environment says, the program chooses the platform itself.
run_program() { (cd "$work" && env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$@"); }

# 1. The frozen folder.
step "frozen folder: version"
[ "$(run_program "$FROZEN" --version)" = "$NAME $VERSION" ] ||
    fail "$FROZEN --version does not say '$NAME $VERSION'"

step "frozen folder: the bundled packages' metadata and licences"
internal=dist/$NAME/_internal
for dist_info in pyside6_essentials shiboken6 sqlcipher3 cryptography reportlab platformdirs \
    phonenumbers python_stdnum pillow charset_normalizer cffi; do
    found=("$internal"/"$dist_info"-*.dist-info)
    [ -f "${found[0]}/METADATA" ] || fail "no $dist_info-*.dist-info/METADATA in $internal"
    case "$dist_info" in
        # Their wheels carry no licence file; their METADATA names the licence.
        pyside6_essentials | shiboken6)
            grep -q '^License: LGPL-3.0' "${found[0]}/METADATA" ||
                fail "${found[0]}/METADATA names no LGPL-3.0 licence"
            ;;
        *)
            licences=$(find "${found[0]}" -type f \( -iname 'LICEN[CS]E*' -o -iname 'COPYING*' \))
            [ -n "$licences" ] || fail "no licence file in ${found[0]}"
            ;;
    esac
done
[ -f "$internal/LICENSE.txt" ] || fail "Python's LICENSE.txt is missing from $internal"
for licence in GPL-3 LGPL-3 LGPL-2.1 Apache-2.0; do
    [ -s "$internal/resources/licenses/$licence" ] ||
        fail "the text of $licence is missing from $internal/resources/licenses"
done

step "frozen folder: selftest"
run_program "$FROZEN" selftest || fail "$FROZEN selftest"

# 2. The package.
step "package: $DEB has no maintainer scripts and no conffiles"
members=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -t | sed 's|^\./||' | grep -v '^$' | sort |
    paste -sd' ')
[ "$members" = "control md5sums" ] || fail "unexpected control files: $members"

if dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -q "install ok installed"; then
    step "note: $NAME was already installed here; it is replaced, then removed"
fi
# apt-get's and dpkg's own output goes to a log, shown when they fail.
apt() {
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -y -q "$@" >"$work/apt.log" 2>&1 || {
        cat "$work/apt.log" >&2
        return 1
    }
}
install_deb() {
    step "package: apt-get install ./$DEB"
    installed_here=yes
    apt install --no-install-recommends "./$DEB" && return 0
    step "package: apt-get update, then install again"
    if ! apt update || ! apt install --no-install-recommends "./$DEB"; then
        fail "apt-get install ./$DEB"
    fi
}
known_to_dpkg() { dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null | grep -qv "not-installed"; }
leaves_data_alone() { # what removing or purging must not touch
    if [ -e /usr/bin/$NAME ] || [ -L /usr/bin/$NAME ]; then
        fail "/usr/bin/$NAME is still there ($1)"
    fi
    [ ! -e /opt/$NAME ] || fail "/opt/$NAME is still there ($1)"
    if [ ! -f "$data/vault.db" ] || [ ! -f "$data/keyslots.json" ]; then
        fail "$1 touched the user's vault in $data"
    fi
    if [ ! -f "$SITE_FILE" ] || [ "$(cksum <"$SITE_FILE")" != "$site_before" ]; then
        fail "$1 touched the site file $SITE_FILE"
    fi
}

install_deb

[ -L /usr/bin/$NAME ] || fail "/usr/bin/$NAME is not a link"
step "package: /usr/bin/$NAME --version"
[ "$(run_program /usr/bin/$NAME --version)" = "$NAME $VERSION" ] ||
    fail "/usr/bin/$NAME --version does not say '$NAME $VERSION'"
step "package: /usr/bin/$NAME selftest"
run_program /usr/bin/$NAME selftest || fail "/usr/bin/$NAME selftest"
if command -v xvfb-run >/dev/null 2>&1; then
    step "package: /usr/bin/$NAME selftest on X11 (Xvfb)"
    (cd "$work" && env -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb \
        xvfb-run --auto-servernum /usr/bin/$NAME selftest) ||
        fail "/usr/bin/$NAME selftest on X11"
else
    step "note: xvfb-run is not installed; the X11 platform was not tried"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate /usr/share/applications/$NAME.desktop ||
        fail "the installed desktop entry is not valid"
fi
[ -f /usr/share/icons/hicolor/scalable/apps/$NAME.svg ] || fail "the icon is not installed"

step "package: a vault as a user's data, and a site file as IT's"
data=$work/home/.local/share/$NAME
printf '%s\n%s\n' "$PASSWORD" "$PASSWORD" |
    run_program /usr/bin/$NAME --data-dir "$data" init --admin x >/dev/null ||
    fail "/usr/bin/$NAME init"
if [ ! -e "$SITE_FILE" ]; then
    $SUDO mkdir -p "$(dirname "$SITE_FILE")"
    echo "# A stand-in for IT's site file, written by packaging/check-package.sh." |
        $SUDO tee "$SITE_FILE" >/dev/null
    site_file_made=yes
fi
site_before=$(cksum <"$SITE_FILE")

# 3. Removing, then installing again and purging.
step "package: apt-get remove"
apt remove "$NAME" || fail "apt-get remove $NAME"
leaves_data_alone "apt-get remove"
if known_to_dpkg; then
    fail "dpkg still holds files of $NAME after removal: $(dpkg-query -W -f='${Status}' "$NAME")"
fi
install_deb
step "package: apt-get purge"
apt purge "$NAME" || fail "apt-get purge $NAME"
leaves_data_alone "apt-get purge"
! known_to_dpkg || fail "$NAME is still known to dpkg after purge"
installed_here=no

step "ok: the frozen folder and $DEB work, and removing the package leaves data alone"
