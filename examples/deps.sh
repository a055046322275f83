#!/bin/sh
# Lists or installs the Debian packages libscrub's build, tests and demo use.
#   sh examples/deps.sh build     packages needed to build and test
#   sh examples/deps.sh all       plus the optional ones (anchors, chromium, dask)
#   sh examples/deps.sh install [all]   apt-get install the missing ones (root)
set -eu
BUILD_PKGS="build-essential pkg-config libicu-dev libxml2-dev check python3 zlib1g-dev unicode-data"
OPTIONAL_PKGS="clang uchardet libuchardet-dev opencc libopencc-dev python3-setuptools python3-venv python3-dask python3-distributed chromium hyperfine"

missing() {
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
    done
}

case "${1:-build}" in
build) echo $BUILD_PKGS ;;
all) echo $BUILD_PKGS $OPTIONAL_PKGS ;;
install)
    pkgs=$BUILD_PKGS
    [ "${2:-}" = all ] && pkgs="$pkgs $OPTIONAL_PKGS"
    need=$(missing $pkgs)
    [ -z "$need" ] && exit 0
    if [ "$(id -u)" != 0 ]; then
        echo "missing packages; run as root:" >&2
        echo "  apt-get install -y $need" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $need
    ;;
*) echo "usage: deps.sh build|all|install [all]" >&2; exit 2 ;;
esac
