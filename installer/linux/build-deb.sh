#!/usr/bin/env bash
# Build the Debian package from the frozen bundle:
#   bash installer/linux/build-deb.sh [BUNDLE [OUT_DIR]]     (defaults: build/dist/repair-counter, build)
# prints the path of the .deb.  Needs dpkg-dev (dpkg-shlibdeps) and fakeroot; installer/build
# installs them.
#
# Layout: the bundle in /opt/repair-counter, /usr/bin/repair-counter (a wrapper naming the
# per-machine data folder), the desktop entry and icon, the docs with the udev note.
# Depends: what dpkg-shlibdeps finds the bundle's ELF files need from the system (the
# spec leaves system libraries out of the bundle), plus what Qt opens by name at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$root_dir/build/dist/repair-counter}" && pwd)
out=$(mkdir -p "${2:-$root_dir/build}" && cd "${2:-$root_dir/build}" && pwd)

version=$(cat "$(dirname "$bundle")/VERSION")
arch=$(dpkg --print-architecture)
package=repair-counter
deb="$out/${package}_${version}_${arch}.deb"

# Qt loads these with dlopen (so no ELF file names them): OpenGL/EGL,
# the xcb cursor, and the fonts it draws with.  Printing goes through CUPS.
RUNTIME_DEPENDS="libegl1, libgl1, libxcb-cursor0,
 libxkbcommon-x11-0, libcups2, fontconfig, libpq5"
# libpq5: the PostgreSQL driver runs on the system's libpq (see installer/repair-counter.spec).

stage=$(mktemp -d "$out/deb-root.XXXXXX")
trap 'rm -rf "$stage"' EXIT
pkg="$stage/$package"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/256x256/apps" "$pkg/usr/share/doc/$package"
cp -a "$bundle" "$pkg/opt/$package"
install -m 0755 "$here/repair-counter.sh" "$pkg/usr/bin/$package"
install -m 0644 "$here/repair-counter.desktop" "$pkg/usr/share/applications/$package.desktop"
install -m 0644 "$root_dir/installer/icons/repair-counter.png" "$pkg/usr/share/icons/hicolor/256x256/apps/$package.png"
install -m 0644 "$here/README.Debian" "$here/60-repair-counter-adb.rules.example" "$pkg/usr/share/doc/$package/"
install -m 0644 "$root_dir/resources/fonts/wqy-microhei.LICENSE-Apache-2.0" "$pkg/usr/share/doc/$package/"
install -m 0755 "$here/postinst" "$here/postrm" "$pkg/DEBIAN/"

# dpkg-shlibdeps wants a debian/control to read; the libraries the bundle carries itself are
# private (-l), so only what the system must provide becomes a dependency.
(
  cd "$stage"
  mkdir debian
  printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$package" "$package" > debian/control
  mapfile -t elves < <(find "$pkg/opt" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) \
    -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
  mapfile -t private < <(find "$pkg/opt" -type f -name '*.so*' -printf '-l%h\n' | sort -u)
  dpkg-shlibdeps -O --ignore-missing-info "${private[@]}" "${elves[@]}" 2>shlibdeps.log \
    | sed -n 's/^shlibs:Depends=//p' > depends.txt
) || { cat "$stage/shlibdeps.log" >&2; exit 1; }
# the dlopen'ed ones that dpkg-shlibdeps did not already name
depends=$(cat "$stage/depends.txt")
for extra in $(echo "$RUNTIME_DEPENDS" | tr -d ','); do
  grep -qE "(^|, )$extra( |,|$)" <<<"$depends" || depends="$depends, $extra"
done

cat > "$pkg/DEBIAN/control" <<EOF
Package: $package
Version: $version
Architecture: $arch
Maintainer: Repair Counter maintainers <repair-counter@example.invalid>
Section: misc
Priority: optional
Installed-Size: $(du -sk --apparent-size "$pkg" | cut -f1)
Depends: $depends
Recommends: android-sdk-platform-tools-common
Description: counter software for authorised phone service outlets
 Repair tickets, consented diagnostics over ADB on the customer's phone,
 printed repair slips, a local SQLCipher-encrypted store and offline-first
 sync.  A frozen bundle with its own Python, Qt and adb in /opt/repair-counter;
 the per-machine data folder /var/lib/repair-counter is kept on removal and
 deleted on purge.
EOF

rm -f "$deb"
# fakeroot: every file in the package belongs to root whoever builds it.
# xz at preset 2: a few MB larger than the default 6, and minutes faster on a busy 2-core machine.
fakeroot -- dpkg-deb --build -Zxz -z2 "$pkg" "$deb" >/dev/null
echo "$deb"
