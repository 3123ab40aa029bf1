#!/usr/bin/env bash
# Soak: steady load on the main read journeys and a trickle of writes for a fixed time (30 min by default), sampling
# every service's resident memory each minute. Memory should level off, not climb. Needs the platform running.
#
#   deploy/bench/soak.sh [minutes, default 30] [connections, default 4]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MINUTES="${1:-30}"
CONNECTIONS="${2:-4}"
RUN="$ROOT/.local/run"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
TOKEN="$(curl -fs -X POST http://127.0.0.1:8080/api/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"seeker","password":"jobmatch-demo"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$(cat "$RUN/$1.pid")/status"; }
components=(postings profiles matching notifications gateway)

# Read load on the services that are proxied (the gateway's own rate limit would cut a single seeker off, so the
# soak drives the services directly; the gateway is sampled for memory all the same).
WRK_TOKEN="$TOKEN" wrk -t1 -c"$CONNECTIONS" -d"${MINUTES}m" -s "$ROOT/deploy/bench/report.lua" \
    "http://127.0.0.1:8083/api/matches/seekers/0b6a1c52-3f4e-4c1a-9d7e-5a1f2e3d4c01/recommendations" >"$ROOT/.local/bench/soak-matching.txt" &
WRK_TOKEN="$TOKEN" wrk -t1 -c"$CONNECTIONS" -d"${MINUTES}m" -s "$ROOT/deploy/bench/report.lua" \
    "http://127.0.0.1:8081/api/postings?limit=20" >"$ROOT/.local/bench/soak-postings.txt" &

printf "minute"; for c in "${components[@]}"; do printf " | %s MB" "$c"; done; echo
for ((minute = 0; minute <= MINUTES; minute++)); do
    printf "%6d" "$minute"
    for c in "${components[@]}"; do printf " | %8s" "$(rss_mb "$c")"; done
    echo
    ((minute == MINUTES)) || sleep 60
done
wait
echo "matching: $(grep RESULT "$ROOT/.local/bench/soak-matching.txt")"
echo "postings: $(grep RESULT "$ROOT/.local/bench/soak-postings.txt")"
