#!/bin/sh
# make demo: installs missing packages (as root), then shows each bundled
# sample page before and after cleaning.
#   sh examples/demo.sh deps          install or print the apt-get line
#   sh examples/demo.sh run TOOL      run the demo with the built tool
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# The page as a person would read it: decoded to UTF-8 when the tool can,
# else the raw bytes made visible.
before() {
    if "$tool" decode "$1" >/dev/null 2>&1; then
        "$tool" decode "$1" | head -n 20
    else
        head -n 20 "$1" | cat -v | cut -c1-160
    fi
}

case "${1:-run}" in
deps) exec sh "$here/deps.sh" install ;;
run)
    tool=${2:-build/bin/scrub}
    "$tool" --version
    for f in "$here"/data/*; do
        [ -f "$f" ] || continue
        case "$f" in *.md | *.py) continue ;; esac
        name=$(basename "$f")
        echo
        echo "=================== $name"
        echo "------------------- before ($(wc -c <"$f") bytes; first 20 lines)"
        before "$f"
        echo "------------------- after: scrub clean $name"
        "$tool" clean --quiet "$f" 2>&1 | head -n 30 || true
        case "$name" in
        *big5* | *hant*)
            echo "------------------- after: scrub clean --to=hans $name"
            "$tool" clean --quiet --to=hans "$f" 2>&1 | head -n 30 || true
            ;;
        esac
    done
    ;;
esac
