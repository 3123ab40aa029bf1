#!/usr/bin/env bash
# Measures what the gateway costs: the same authenticated GET sent straight to the job-posting service, through
# the YARP gateway (JWT check, Redis rate-limit count, proxy), and through nginx proxying the same service — in one
# run, on this machine, with wrk. Needs the platform running (deploy/local/run.sh). Installs wrk and nginx if missing.
# The gateway and nginx under test are the script's own, each on a free port (the platform's gateway and portal keep
# theirs).
#
#   deploy/bench/gateway-overhead.sh [seconds per run, default 15] [connections, default 32]
#
# Load generator, proxy and service share the machine's cores: read the numbers relative to each other.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${1:-15}"
CONNECTIONS="${2:-32}"
WORK="$ROOT/.local/bench"
SERVICE=${JOBMATCH_POSTINGS_PORT:-8081}
mkdir -p "$WORK"

for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "installing $tool" >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
curl -fs -o /dev/null "http://127.0.0.1:$SERVICE/health/ready" || { echo "start the platform first: deploy/local/run.sh" >&2; exit 1; }

# shellcheck disable=SC1091
source "$ROOT/deploy/bench/lib.sh"
start_bench_gateway overhead
GATEWAY=$BENCH_GATEWAY_PORT
GATEWAY_PID=$BENCH_GATEWAY_PID
NGINX="$(free_port)"

cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx-body;
    proxy_temp_path $WORK/nginx-proxy;
    upstream postings { server 127.0.0.1:$SERVICE; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX;
        location / {
            proxy_pass http://postings;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
NGINX
nginx -c "$WORK/nginx.conf"
cleanup() { kill "$GATEWAY_PID" 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT

TOKEN="$(sign_in "$GATEWAY" seeker)"
PATH_UNDER_TEST="/api/postings?limit=5"

run() {
    local name="$1" port="$2"
    wrk -t2 -c"$CONNECTIONS" -d3s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_UNDER_TEST" >/dev/null # warm-up
    local out
    out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_UNDER_TEST")"
    local rps p50 p99 non2xx
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    non2xx="$(awk '/Non-2xx/ {print $4}' <<<"$out")"
    printf "| %-24s | %10s | %8s | %8s | %6s |\n" "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "GET $PATH_UNDER_TEST, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| path                     |    req/s   |   p50    |   p99    | non-2xx |"
echo "|--------------------------|-----------:|---------:|---------:|-------:|"
# Two interleaved rounds, so warm-up and whatever else the machine is doing weigh on all three alike.
for round in 1 2; do
    run "service directly ($round)" "$SERVICE"
    run "YARP gateway ($round)" "$GATEWAY"
    run "nginx ($round)" "$NGINX"
done
