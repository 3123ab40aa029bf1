#!/usr/bin/env bash
# Lints the four services' OpenAPI documents with Redocly CLI's recommended rules (deploy/tools/openapi/redocly.yaml).
#
#   deploy/tools/openapi-lint.sh [gateway URL, default http://127.0.0.1:8080]   # a running platform (run.sh)
#   deploy/tools/openapi-lint.sh DIR                                           # openapi-*.json files in DIR
#
# The end-to-end test OpenApiLintTests checks the rules generated clients depend on in every test run and writes the
# documents it checked beside its logs (tests/JobMatch.EndToEndTests/bin/Debug/net10.0/logs), so this script can
# lint exactly those. Needs Node.js 20+ and npm; installs @redocly/cli 2.77.0 once under ${TMPDIR:-/tmp}.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="${1:-http://127.0.0.1:8080}"
TOOLS="${TMPDIR:-/tmp}/jobmatch-redocly"
[[ -x $TOOLS/node_modules/.bin/redocly ]] || npm install --prefix "$TOOLS" --silent --no-audit --no-fund @redocly/cli@2.77.0 >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for service in postings profiles matches notifications; do
    if [[ -d $SOURCE ]]; then cp "$SOURCE/openapi-$service.json" "$WORK/"
    else curl -fsS "$SOURCE/openapi/$service.json" -o "$WORK/openapi-$service.json"; fi
done
REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$TOOLS/node_modules/.bin/redocly" lint --config "$HERE/openapi/redocly.yaml" "$WORK"/openapi-*.json
