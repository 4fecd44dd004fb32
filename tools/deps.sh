#!/usr/bin/env bash
# Installs the Debian packages kb needs to build, test and run, if any is missing.
# Sourced by tools/run and tools/test. Needs root (or sudo) only when something is missing.
set -euo pipefail

KB_DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev xapian-tools
  libcmark-dev libcpp-httplib-dev nlohmann-json3-dev doctest-dev
  libyaml-cpp-dev libicu-dev libstemmer-dev libssl-dev libcli11-dev
  libgit2-dev libsqlite3-dev
  libhunspell-dev hunspell-en-us wordnet-dev wordnet-base
  python3 curl clang-format
)

kb_install_deps() {
  local missing=()
  for p in "${KB_DEBIAN_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "kb: installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# @redocly/cli, which the ctest "openapi_lint" runs on the OpenAPI document:
# installed with npm into .node/ (git-ignored) when missing. Debian's npm is
# installed only when there is no npm at all (a NodeSource nodejs brings its
# own). 2.x is one self-contained package; it wants Node.js >= 20.19.
KB_REDOCLY_VERSION=2.77.0
kb_install_redocly() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  [ -x "$root/.node/node_modules/.bin/redocly" ] && return 0
  command -v npm >/dev/null 2>&1 || kb_install_deps npm
  echo "kb: installing @redocly/cli@$KB_REDOCLY_VERSION into .node/" >&2
  npm install --prefix "$root/.node" --no-audit --no-fund --loglevel=error \
    "@redocly/cli@$KB_REDOCLY_VERSION" >&2
}
