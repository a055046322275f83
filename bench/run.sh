#!/bin/sh
# make bench: builds every bench/bench_*.c against the static library and runs
# them in turn; each prints rows of one table (see bench/bench.h).
# BENCH=zh (say) runs bench/bench_zh.c alone.
# A bench file names the extra pkg-config packages it links on a line
#   /* bench-pkgs: uchardet opencc */
set -eu
root=$1 build=$2
out=$root/$build/bench
mkdir -p "$out"
cd "$root"
export SCRUB_SHARED=${SCRUB_SHARED:-$root/../shared}
deps="icu-uc icu-i18n libxml-2.0"
# Every bench is compiled before any runs, and written back to disk
# (sync), so that neither the compiler nor the kernel's writeback of its
# output shares the cores with a measurement.
built=""
for src in bench/bench_${BENCH:-*}.c; do
    name=$(basename "$src" .c)
    extra=$(sed -n 's|.*bench-pkgs: *\(.*[^ ]\) *\*/.*|\1|p' "$src" | head -n 1)
    if [ -n "$extra" ] && ! pkg-config --exists $extra 2>/dev/null; then
        echo "bench: $name skipped (needs pkg-config packages: $extra; sh examples/deps.sh install all)"
        continue
    fi
    cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -Iinclude -Ilib -Ibench \
        $(pkg-config --cflags $deps $extra) -o "$out/$name" "$src" "$build/lib/libscrub.a" \
        $(pkg-config --libs $deps $extra) -lpthread -lm
    built="$built $name"
done
sync
first=1
for name in $built; do
    if [ $first = 1 ]; then first=0; else export BENCH_NO_HEADER=1; fi
    "$out/$name"
done
