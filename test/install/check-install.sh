#!/bin/sh
# Installs into a temporary prefix, builds examples/*.c against the install
# with `pkg-config --cflags --libs scrub` (shared and static), runs them, then
# checks that `make uninstall` removes exactly what `make install` added.
set -eu
root=$1 sanitize=${2:-}
san=${SAN_FLAGS:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=/opt/scrub-test
dest=$tmp/dest
make -s -C "$root" install SANITIZE="$sanitize" DESTDIR="$dest" PREFIX=$prefix >/dev/null
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
    cc -std=c11 -Wall -Wextra -Werror $san $cflags -o "$tmp/$name-shared" "$src" $libs
    LD_LIBRARY_PATH="$dest$prefix/lib" "$tmp/$name-shared" >"$tmp/$name.out" 2>/dev/null </dev/null
    if [ "$name" = clean_file ] && [ "$(cat "$tmp/$name.out")" != "这是一段中文网页的正文，讲述了今天发生的事情。" ]; then
        echo "check-install: clean_file printed '$(cat "$tmp/$name.out")', expected 这是一段中文网页的正文，讲述了今天发生的事情。" >&2; exit 1
    fi
    cc -std=c11 -Wall -Wextra -Werror $san $cflags -o "$tmp/$name-static" "$src" -Wl,-Bstatic $(echo "$slibs" | sed 's/-lscrub/-lscrub -Wl,-Bdynamic/')
    "$tmp/$name-static" >/dev/null </dev/null
    if ldd "$tmp/$name-static" | grep -q libscrub; then
        echo "check-install: $name-static links libscrub dynamically" >&2; exit 1
    fi
    n=$((n + 1))
done
[ $n -gt 0 ] || { echo "check-install: no example programs in examples/" >&2; exit 1; }

"$dest$prefix/bin/scrub" --version >/dev/null

# The Python package, installed offline into a venv made from Debian's
# interpreter, loads the installed library.
py=/usr/bin/python3
if [ -n "$sanitize" ]; then
    echo "check-install: Python package test skipped under SANITIZE (check-python covers it)"
elif $py -c 'import venv, setuptools, ensurepip' 2>/dev/null; then
    mkdir -p "$tmp/src/examples" "$tmp/src/include"
    cp -r "$root/examples/python" "$tmp/src/examples/"
    cp "$root/include/scrub.h" "$tmp/src/include/"
    $py -m venv --system-site-packages "$tmp/venv" >/dev/null
    "$tmp/venv/bin/pip" install -q --no-build-isolation --no-index "$tmp/src/examples/python" >/dev/null 2>&1 ||
        { echo "check-install: pip install of examples/python failed" >&2; exit 1; }
    got=$(cd "$tmp" && LD_LIBRARY_PATH="$dest$prefix/lib" "$tmp/venv/bin/python" -c \
        'import scrub; print(scrub.version(), [l.split()[-1] for l in open("/proc/self/maps") if "libscrub" in l][0])')
    want=$("$dest$prefix/bin/scrub" --version | cut -d' ' -f2)
    case "$got" in
    "$want $dest$prefix/lib/"*) echo "check-install: Python package from a venv loads the installed library ($got)" ;;
    *) echo "check-install: Python package loaded '$got', expected $want from $dest$prefix/lib" >&2; exit 1 ;;
    esac
else
    echo "check-install: SKIP Python package test (needs python3-venv and python3-setuptools)"
fi

make -s -C "$root" uninstall SANITIZE="$sanitize" DESTDIR="$dest" PREFIX=$prefix >/dev/null
left=$(find "$dest" \( -type f -o -type l \) | wc -l)
if [ "$left" -ne 0 ]; then
    echo "check-install: uninstall left files behind:" >&2
    find "$dest" \( -type f -o -type l \) >&2
    exit 1
fi
echo "check-install: install, pkg-config build of $n examples (shared and static), uninstall: ok"
