#!/bin/sh
# make demo: installs missing packages (as root), then shows each bundled
# sample page before and after cleaning.
#   sh examples/demo.sh deps          install or print the apt-get line
#   sh examples/demo.sh run TOOL      run the demo with the built tool
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "${1:-run}" in
deps) exec sh "$here/deps.sh" install ;;
run)
    tool=${2:-build/bin/scrub}
    "$tool" --version
    for f in "$here"/data/*; do
        [ -f "$f" ] || continue
        case "$f" in *.md) continue ;; esac
        echo
        echo "=================== $(basename "$f")"
        echo "------------------- before (first 15 lines, as bytes are)"
        head -n 15 "$f" | cat -v | cut -c1-120
        echo "------------------- after: scrub clean"
        "$tool" clean "$f" 2>&1 | head -n 30 || true
    done
    ;;
esac
