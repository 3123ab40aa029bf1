# Shared by the benchmark scripts (sourced, not run).

# A loopback port nothing listens on (the platform's own ports, 8080-8085, are in use while it runs).
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# Starts a gateway of the benchmark's own, on a free port of its own, against the running platform's services, with
# rate limits so high they are counted but never hit (Redis key prefix $1). Sets BENCH_GATEWAY_PORT and
# BENCH_GATEWAY_PID; logs to $WORK/$1-gateway.log.
start_bench_gateway() {
    local prefix="$1"
    BENCH_GATEWAY_PORT="$(free_port)"
    set -a
    # shellcheck disable=SC1091
    source "$ROOT/.local/secrets.env"
    set +a
    eval "$("$ROOT/deploy/local/servers.sh" env)"
    # The services where run.sh put them (it honours the same variables).
    local cluster port
    for cluster in postings:${JOBMATCH_POSTINGS_PORT:-8081} profiles:${JOBMATCH_PROFILES_PORT:-8082} \
        matching:${JOBMATCH_MATCHING_PORT:-8083} notifications:${JOBMATCH_NOTIFICATIONS_PORT:-8084} portal:${JOBMATCH_PORTAL_PORT:-8085}; do
        port="${cluster#*:}"
        export "ReverseProxy__Clusters__${cluster%%:*}__Destinations__d1__Address=http://127.0.0.1:$port/"
    done
    (
        cd "$ROOT/gateway/JobMatch.Gateway/bin/Release/net10.0"
        ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$BENCH_GATEWAY_PORT" Logging__LogLevel__Default=Warning \
            RateLimits__PerUser=1000000000 RateLimits__PerAddress=1000000000 RateLimits__SignInPerAddress=1000000000 \
            RateLimits__KeyPrefix="$prefix-$$" \
            exec dotnet JobMatch.Gateway.dll >"$WORK/$prefix-gateway.log" 2>&1
    ) &
    BENCH_GATEWAY_PID=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$BENCH_GATEWAY_PORT/health/ready"; do
        kill -0 "$BENCH_GATEWAY_PID" 2>/dev/null || { echo "the benchmark's gateway exited; see $WORK/$prefix-gateway.log" >&2; exit 1; }
        sleep 0.5
    done
}

# A demo account's access token from the gateway on port $1 (development issuer).
sign_in() {
    curl -fs -X POST "http://127.0.0.1:$1/api/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$2\",\"password\":\"jobmatch-demo\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
