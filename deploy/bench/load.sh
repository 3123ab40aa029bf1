#!/usr/bin/env bash
# Load harness for the main journeys, through the gateway of a running platform (deploy/local/run.sh), with wrk.
# Reports throughput and p50/p95/p99 per journey. Rate limits are raised on a gateway of its own (on a free port) so
# they are counted but not hit. Installs wrk if missing.
#
#   deploy/bench/load.sh [seconds per journey, default 20] [connections, default 16]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
WORK="$ROOT/.local/bench"
mkdir -p "$WORK"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
curl -fs -o /dev/null http://127.0.0.1:8081/health/ready || { echo "start the platform first: deploy/local/run.sh" >&2; exit 1; }

# shellcheck disable=SC1091
source "$ROOT/deploy/bench/lib.sh"
start_bench_gateway load
GATEWAY=$BENCH_GATEWAY_PORT
trap 'kill $BENCH_GATEWAY_PID 2>/dev/null || true' EXIT
SEEKER="$(sign_in "$GATEWAY" seeker)"
EMPLOYER="$(sign_in "$GATEWAY" employer)"
SEEKER_ID=0b6a1c52-3f4e-4c1a-9d7e-5a1f2e3d4c01

journey() {
    local name="$1" token="$2" path="$3"
    shift 3
    local line
    line="$(env WRK_TOKEN="$token" "$@" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$ROOT/deploy/bench/report.lua" \
        "http://127.0.0.1:$GATEWAY$path" | grep '^RESULT' | sed 's/^RESULT //')"
    printf "| %-34s | %s |\n" "$name" "$line"
}

echo "Journeys through the gateway, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
journey "seeker: list postings" "$SEEKER" "/api/postings?limit=20"
journey "seeker: recommendations" "$SEEKER" "/api/matches/seekers/$SEEKER_ID/recommendations"
journey "seeker: notifications" "$SEEKER" "/api/notifications?limit=20"
journey "seeker: own profile" "$SEEKER" "/api/profiles/me"
journey "employer: create posting (write)" "$EMPLOYER" "/api/postings" WRK_METHOD=POST \
    WRK_BODY='{"title":"压测岗位 load test","description":"load","regionCode":"150102","skills":["叉车驾驶"],"latitude":40.83,"longitude":111.73}'
