#!/usr/bin/env bash
# ctest "openapi_lint": `redocly lint` on the OpenAPI document that `kb openapi`
# prints (the one GET /api/v1/openapi.json serves), with tools/redocly.yaml.
# Installs @redocly/cli into .node/ first when it is missing (tools/deps.sh).
#   tools/lint_openapi.sh PATH/TO/kb
set -euo pipefail
kb="$1"
cd "$(dirname "$0")/.."
source tools/deps.sh
kb_install_redocly
doc="$(mktemp -d)/openapi.json"
trap 'rm -rf "$(dirname "$doc")"' EXIT
"$kb" openapi >"$doc"
.node/node_modules/.bin/redocly lint --config tools/redocly.yaml --format stylish "$doc"
