#!/usr/bin/env bash
# Build dist/counselor-app_<version>_<arch>.deb from the frozen folder dist/counselor-app
# (`make package`). Called by `make deb`. DEB_COMPRESSION=zstd (or gzip) builds faster
# than the default xz, for a larger file.
#
# The package installs the folder as /opt/counselor-app, the command as
# /usr/bin/counselor-app (a link), a desktop entry and the icon. Its Depends are
# worked out from the folder itself by depends.py: the system libraries its ELF files
# link to, mapped to the Debian packages that provide them, and libc6 at the newest
# GLIBC symbol version any of them needs. The frozen build leaves the system's
# libraries out (packaging/pyinstaller/counselor-app.spec), so these packages are what
# it runs on, and they get the system's security updates.
#
# No maintainer scripts: installing and removing the package never touches users'
# vaults (~/.local/share/counselor-app) nor the site file IT writes
# (/etc/xdg/counselor-app/counselor-app.ini), which is not part of the package.
set -euo pipefail
cd "$(dirname "$0")/../.."

NAME=counselor-app
FROZEN=dist/$NAME
HERE=packaging/debian
STAGE=build/deb/$NAME
MAINTAINER=${DEB_MAINTAINER:-"counselor-app maintainers <maintainers@counselor-app.invalid>"}

fail() {
    echo "build-deb: $*" >&2
    exit 1
}

[ -x "$FROZEN/$NAME" ] || fail "$FROZEN/$NAME is missing; build it first with 'make package'."
for tool in dpkg-deb dpkg-query ldd objdump python3; do
    command -v "$tool" >/dev/null ||
        fail "'$tool' is needed (Debian: dpkg, libc-bin, binutils, python3)."
done

# The version the folder was built with (from counselor_app/__init__.py).
VERSION=$("$FROZEN/$NAME" --version | awk '{print $2}')
[[ "$VERSION" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || fail "unexpected version '$VERSION'."
ARCH=$(dpkg --print-architecture)
DEB=dist/${NAME}_${VERSION}_${ARCH}.deb

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/doc/$NAME"
cp -a "$FROZEN" "$STAGE/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$STAGE/usr/bin/$NAME"
install -m 0644 "$HERE/$NAME.desktop" "$STAGE/usr/share/applications/$NAME.desktop"
install -m 0644 "$HERE/copyright" "$STAGE/usr/share/doc/$NAME/copyright"
for png in "resources/icons/$NAME"-*.png; do
    size=${png##*-}
    size=${size%.png}
    install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -D -m 0644 "resources/icons/$NAME.svg" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$STAGE/usr/share/applications/$NAME.desktop"
else
    echo "build-deb: desktop-file-validate not found; the desktop entry was not validated."
fi

# Files readable by all, writable by root only (dpkg-deb --root-owner-group owns them).
chmod -R u+rwX,go+rX,go-w "$STAGE"

# Depends: the packages of the system libraries the folder's files link to.
echo "Depends of the frozen folder (package: the libraries that need it):"
depends=$(python3 "$HERE/depends.py" --explain "$STAGE/opt/$NAME") ||
    fail "the Depends could not be worked out (see above)."

installed_size=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $installed_size
Depends: $depends
Recommends: fonts-dejavu-core
Section: misc
Priority: optional
Description: anonymous call log and statistics for helplines
 A desktop program for anonymous listening lines, such as lines for women
 facing violence. Counselors log every call through a guided form;
 supervisors turn the records into aggregate statistics (PDF and CSV).
 Everything is stored on the workstation in an encrypted SQLCipher vault with
 a key slot per user; nothing identifies a caller.
 .
 This package installs a self-contained build in /opt/counselor-app. Removing
 it leaves the users' vaults and the site's settings file in place.
EOF
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
    xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

rm -f "$DEB"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$STAGE" "$DEB" >/dev/null
echo "Built $DEB ($(du -h "$DEB" | cut -f1); installed: $((installed_size / 1024)) MiB)"
echo "Depends: $depends"
