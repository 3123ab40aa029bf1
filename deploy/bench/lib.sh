# Shared by the benchmark scripts (sourced, not run).

# Starts a gateway of the benchmark's own on port $1 against the running platform's services, with rate limits so
# high they are counted but never hit (Redis key prefix $2). Sets BENCH_GATEWAY_PID; logs to $WORK/$2-gateway.log.
start_bench_gateway() {
    local port="$1" prefix="$2"
    set -a
    # shellcheck disable=SC1091
    source "$ROOT/.local/secrets.env"
    set +a
    eval "$("$ROOT/deploy/local/servers.sh" env)"
    (
        cd "$ROOT/gateway/JobMatch.Gateway/bin/Release/net10.0"
        ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
            RateLimits__PerUser=1000000000 RateLimits__PerAddress=1000000000 RateLimits__KeyPrefix="$prefix-$$" \
            exec dotnet JobMatch.Gateway.dll >"$WORK/$prefix-gateway.log" 2>&1
    ) &
    BENCH_GATEWAY_PID=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do sleep 0.5; done
}

# A demo account's access token from the gateway on port $1 (development issuer).
sign_in() {
    curl -fs -X POST "http://127.0.0.1:$1/api/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$2\",\"password\":\"jobmatch-demo\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
