#!/usr/bin/env bash
# Installs what the pipeline needs on a fresh Debian machine with Swift: ICU, hunspell with
# the Bulgarian, Polish and English dictionaries, OpenSSL's libcrypto and SQLite headers, and
# the Python package the output validator uses. apt-get when root; otherwise it stops and
# names the exact packages to install.
set -euo pipefail

packages=(libicu-dev libhunspell-dev hunspell-bg hunspell-pl hunspell-en-us libssl-dev libsqlite3-dev pkg-config python3)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing ${missing[*]}" >&2
        apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
    else
        echo "setup: missing system packages; run as root: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "setup: installing the Python package jsonschema (pip)" >&2
    python3 -m pip install -q jsonschema >&2 || { echo "setup: pip install jsonschema failed" >&2; exit 1; }
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (this project needs Swift 6)" >&2; exit 1; }
