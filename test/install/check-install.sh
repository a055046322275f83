#!/bin/sh
# Installs into a temporary prefix, builds examples/*.c against the install
# with `pkg-config --cflags --libs scrub` (shared and static), runs them, then
# checks that `make uninstall` removes exactly what `make install` added.
set -eu
root=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=/opt/scrub-test
dest=$tmp/dest
make -s -C "$root" install DESTDIR="$dest" PREFIX=$prefix >/dev/null
find "$dest" \( -type f -o -type l \) | sort >"$tmp/installed"
for f in include/scrub.h lib/libscrub.a lib/libscrub.so lib/pkgconfig/scrub.pc bin/scrub; do
    grep -q "$prefix/$f\$" "$tmp/installed" || { echo "check-install: $f not installed" >&2; exit 1; }
done
ls "$dest$prefix/lib"/libscrub.so.0.* >/dev/null

export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
cflags=$(pkg-config --cflags scrub)
libs=$(pkg-config --libs scrub)
slibs=$(pkg-config --static --libs scrub)
n=0
for src in "$root"/examples/*.c; do
    name=$(basename "$src" .c)
    [ "$name" = scrub ] && continue   # the tool has its own sources
    cc -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/$name-shared" "$src" $libs
    LD_LIBRARY_PATH="$dest$prefix/lib" "$tmp/$name-shared" >/dev/null </dev/null
    cc -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/$name-static" "$src" -Wl,-Bstatic $(echo "$slibs" | sed 's/-lscrub/-lscrub -Wl,-Bdynamic/')
    "$tmp/$name-static" >/dev/null </dev/null
    if ldd "$tmp/$name-static" | grep -q libscrub; then
        echo "check-install: $name-static links libscrub dynamically" >&2; exit 1
    fi
    n=$((n + 1))
done
[ $n -gt 0 ] || { echo "check-install: no example programs in examples/" >&2; exit 1; }

LD_LIBRARY_PATH="$dest$prefix/lib" "$dest$prefix/bin/scrub" --version >/dev/null

make -s -C "$root" uninstall DESTDIR="$dest" PREFIX=$prefix >/dev/null
left=$(find "$dest" \( -type f -o -type l \) | wc -l)
if [ "$left" -ne 0 ]; then
    echo "check-install: uninstall left files behind:" >&2
    find "$dest" \( -type f -o -type l \) >&2
    exit 1
fi
echo "check-install: install, pkg-config build of $n examples (shared and static), uninstall: ok"
