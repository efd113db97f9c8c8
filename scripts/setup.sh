#!/usr/bin/env bash
# One set-up for a fresh machine, used by the README's run command and by .ci/run:
#   bash scripts/setup.sh          what `npm start` needs: libsecret's headers (keytar builds from source
#                                  when its prebuilt binary cannot be downloaded), then `npm ci`
#   bash scripts/setup.sh --test   also what `npm test` needs: Chromium, gnome-keyring and D-Bus (a real
#                                  Secret Service), Xvfb, PostgreSQL and nginx (topology tests)
# System packages are installed with apt-get only where they are missing (as root, or through sudo).
# On a system without apt-get it names what to install and goes on with `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

run_packages=(libsecret-1-dev libsecret-1-0 pkg-config python3 make g++)
test_packages=(chromium gnome-keyring dbus dbus-x11 xvfb xauth fonts-dejavu-core postgresql nginx openssl)

packages=("${run_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then packages+=("${test_packages[@]}"); fi

if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
      command -v sudo >/dev/null || { echo "setup: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
      sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: no apt-get here; make sure these (or your system's equivalents) are installed: ${packages[*]}"
fi

npm ci --no-audit --no-fund
