#!/usr/bin/env bash
# Runs the whole JobMatch platform on this machine.
#
#   deploy/local/run.sh [start]   install/start PostgreSQL, RabbitMQ, Redis; build; start the four services, the web
#                                 portal and the gateway; wait until each is ready; load demo data; print the URLs
#   deploy/local/run.sh stop      stop the services, the gateway and the servers (data is kept in .local/)
#   deploy/local/run.sh status    what is running
#
# Everything lives under <repo>/.local: server data (servers.sh), generated local secrets, pid files, logs.
# Ports can be moved with JOBMATCH_GATEWAY_PORT and JOBMATCH_<SERVICE>_PORT (POSTINGS, PROFILES, MATCHING,
# NOTIFICATIONS, PORTAL), and the servers' with the variables servers.sh documents.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
SERVERS="$ROOT/deploy/local/servers.sh"
CONFIGURATION=Release
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# name, project directory, port — services before the gateway, which is started last.
COMPONENTS=(
    "postings services/JobPostings.Api ${JOBMATCH_POSTINGS_PORT:-8081}"
    "profiles services/Profiles.Api ${JOBMATCH_PROFILES_PORT:-8082}"
    "matching services/Matching.Api ${JOBMATCH_MATCHING_PORT:-8083}"
    "notifications services/Notifications.Api ${JOBMATCH_NOTIFICATIONS_PORT:-8084}"
    "portal services/Portal ${JOBMATCH_PORTAL_PORT:-8085}"
    "gateway gateway/JobMatch.Gateway ${JOBMATCH_GATEWAY_PORT:-8080}"
)

info() { echo "run.sh: $*" >&2; }
die() { echo "run.sh: $*" >&2; exit 1; }

port_of() { local name project port; for c in "${COMPONENTS[@]}"; do read -r name project port <<<"$c"; [[ $name == "$1" ]] && echo "$port"; done; }

is_running() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

# Local secrets, generated once per checkout and never committed: the token signing key the gateway's development
# issuer and every service share, the key personal data is encrypted with, and the servers' passwords — the
# PostgreSQL superuser's, one per service (its database role and its broker user), the RabbitMQ administrator's (in
# place of guest) and Redis's. A component started on its own (`dotnet run --project ...`, Development) reads this
# same file (ServiceDefaults' LocalSecrets; `Services__<name>__…` keys are that service's own), so the two agree; the
# keys in the appsettings.Development.json files are development-only stand-ins for when it does not exist. A file
# from before a key existed gets the key added.
SERVICES=(postings profiles matching notifications)
# The components that talk to Redis, each as its own user (deploy/redis/users.acl); the others get no Redis login.
REDIS_USERS=(gateway notifications)

ensure_secrets() {
    local file="$LOCAL/secrets.env" service
    mkdir -p "$LOCAL"
    (
        umask 077
        touch "$file"
        add_secret "$file" Auth__SigningKey "$(head -c 48 /dev/urandom | base64 -w0)"
        add_secret "$file" PersonalData__CurrentKeyId local1
        add_secret "$file" PersonalData__Keys__local1 "$(head -c 32 /dev/urandom | base64 -w0)"
        add_secret "$file" JOBMATCH_PG_ADMIN_PASSWORD "$(password)"
        add_secret "$file" JOBMATCH_RABBITMQ_USER jobmatch-admin
        add_secret "$file" JOBMATCH_RABBITMQ_PASSWORD "$(password)"
        add_secret "$file" JOBMATCH_REDIS_PASSWORD "$(password)"
        for service in "${SERVICES[@]}"; do add_secret "$file" "JOBMATCH_${service^^}_PASSWORD" "$(password)"; done
        for component in "${REDIS_USERS[@]}"; do add_secret "$file" "JOBMATCH_REDIS_${component^^}_PASSWORD" "$(password)"; done
    )
    load_secrets
    local pairs=()
    for service in "${SERVICES[@]}"; do
        local variable="JOBMATCH_${service^^}_PASSWORD"
        pairs+=("$service=${!variable}")
    done
    export JOBMATCH_SERVICE_PASSWORDS="${pairs[*]}"
    local redis_pairs=() component
    for component in "${REDIS_USERS[@]}"; do
        local variable="JOBMATCH_REDIS_${component^^}_PASSWORD"
        redis_pairs+=("$component=${!variable}")
    done
    export JOBMATCH_REDIS_USER_PASSWORDS="${redis_pairs[*]}"
}

# What `dotnet run --project services/<Service>` connects with (LocalSecrets): each component's own connection
# strings under Services__<name>__, rewritten on every start so they follow the ports.
write_service_settings() {
    local file="$LOCAL/secrets.env" name setting
    sed -i '/^Services__/d; /^ConnectionStrings__Redis=/d' "$file"
    for name in "${SERVICES[@]}" portal gateway; do
        while IFS= read -r setting; do
            echo "Services__${name}__$setting" >>"$file"
        done < <(service_environment "$name")
    done
}

add_secret() {
    local file="$1" key="$2" value="$3"
    grep -q "^$key=" "$file" && return 0
    echo "$key=$value" >>"$file"
    info "generated $key in $file"
}

# Letters and digits only: a password goes into connection strings and URIs unescaped.
password() { head -c 24 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9'; }

load_secrets() {
    [[ -f $LOCAL/secrets.env ]] || return 0
    set -a
    # shellcheck disable=SC1091
    source "$LOCAL/secrets.env"
    set +a
}

# What a component connects with: its own database role, its own broker user, its own Redis user — never the
# administrators' (issue 18). The gateway uses Redis only, the portal none of the three.
service_environment() {
    local name="$1" variable="JOBMATCH_${1^^}_PASSWORD" redis_variable="JOBMATCH_REDIS_${1^^}_PASSWORD"
    if [[ " ${REDIS_USERS[*]} " == *" $name "* ]]; then
        echo "ConnectionStrings__Redis=127.0.0.1:${JOBMATCH_REDIS_PORT:-56379},user=jobmatch-$name,password=${!redis_variable}"
    fi
    [[ " ${SERVICES[*]} " == *" $name "* ]] || return 0
    echo "ConnectionStrings__Postgres=Host=127.0.0.1;Port=${JOBMATCH_PG_PORT:-55432};Username=jobmatch_$name;Password=${!variable}"
    echo "ConnectionStrings__RabbitMq=amqp://jobmatch-$name:${!variable}@127.0.0.1:${JOBMATCH_RABBITMQ_PORT:-55672}/"
}

wait_ready() {
    local name="$1" port="$2" deadline=$((SECONDS + 120))
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
        is_running "$name" || die "$name exited; see $LOGS/$name.log"
        ((SECONDS < deadline)) || die "$name not ready after 120 s; see $LOGS/$name.log"
        sleep 0.5
    done
}

start_component() {
    local name="$1" project="$2" port="$3"
    if is_running "$name"; then
        info "$name: already running (pid $(cat "$RUN/$name.pid"))"
        return
    fi
    local out="$ROOT/$project/bin/$CONFIGURATION/net10.0" setting
    (
        cd "$out"
        # Only its own logins: not the administrators' connection strings `servers.sh start` exported here.
        unset ConnectionStrings__Postgres ConnectionStrings__RabbitMq ConnectionStrings__Redis RabbitMq__ManagementUri
        while IFS= read -r setting; do export "${setting?}"; done < <(service_environment "$name")
        ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
            nohup dotnet "$(basename "$project").dll" >>"$LOGS/$name.log" 2>&1 &
        echo $! >"$RUN/$name.pid"
    )
    info "$name: started on port $port (log $LOGS/$name.log)"
}

do_start() {
    command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
    mkdir -p "$RUN" "$LOGS"
    ensure_secrets
    eval "$(JOBMATCH_NO_BROWSER=1 "$SERVERS" start)"
    "$SERVERS" provision
    write_service_settings
    # The gateway finds the services where this script put them.
    local name project port
    for c in "${COMPONENTS[@]}"; do
        read -r name project port <<<"$c"
        [[ $name == gateway ]] && continue
        export "ReverseProxy__Clusters__${name}__Destinations__d1__Address=http://127.0.0.1:$port/"
    done
    # The portal calls the APIs through the gateway, and the gateway serves the portal (catch-all route).
    export "Portal__GatewayUrl=http://127.0.0.1:$(port_of gateway)/"

    info "building ($CONFIGURATION)"
    dotnet build "$ROOT/deploy/local/Platform.slnf" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q

    # Services first, each ready (database migrated, bus connected, queues bound) before the gateway opens.
    for c in "${COMPONENTS[@]}"; do
        read -r name project port <<<"$c"
        start_component "$name" "$project" "$port"
        [[ $name == gateway ]] || wait_ready "$name" "$port"
    done
    wait_ready gateway "$(port_of gateway)"

    # The demo region: the demo accounts' data through the gateway, the generated market through the services' own
    # ports with tokens signed by the local key (docs/decisions/065). Loaded once; a second start finds it and skips.
    info "loading demo data (once; a few minutes the first time)"
    dotnet "$ROOT/deploy/local/DemoData/bin/$CONFIGURATION/net10.0/JobMatch.DemoData.dll" "http://127.0.0.1:$(port_of gateway)/" \
        "http://127.0.0.1:$(port_of postings)/" "http://127.0.0.1:$(port_of profiles)/"

    local gw="http://127.0.0.1:$(port_of gateway)"
    cat <<URLS

JobMatch is running.
  Portal (web)            $gw/   (zh-CN; $gw/?lang=en for English)
  Gateway (the API)       $gw
  Sign in (demo)          curl -s -X POST $gw/api/auth/token -H 'Content-Type: application/json' -d '{"username":"seeker","password":"jobmatch-demo"}'
                          demo accounts: seeker, employer, caseworker (region 150100), admin — password jobmatch-demo
  Demo region             320 verified employers, ~3,200 postings in all 12 leagues/cities, 5,200 seekers of every key group,
                          applications, hires and follow-ups over the last 12 weeks (generated, invented people; README "Demo")
  OpenAPI documents       $gw/openapi/postings.json  $gw/openapi/profiles.json  $gw/openapi/matches.json  $gw/openapi/notifications.json
  Services (direct)       postings http://127.0.0.1:$(port_of postings)  profiles http://127.0.0.1:$(port_of profiles)  matching http://127.0.0.1:$(port_of matching)  notifications http://127.0.0.1:$(port_of notifications)
  Health                  $gw/health/ready (each service: /health/live, /health/ready)
  RabbitMQ management     http://127.0.0.1:${JOBMATCH_RABBITMQ_MGMT_PORT:-55673}/ ($JOBMATCH_RABBITMQ_USER, password JOBMATCH_RABBITMQ_PASSWORD in .local/secrets.env)
  Logs                    $LOGS/
Stop everything with: deploy/local/run.sh stop
URLS
}

do_stop() {
    local name project port
    for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
        read -r name project port <<<"${COMPONENTS[$i]}"
        if is_running "$name"; then
            local pid
            pid="$(cat "$RUN/$name.pid")"
            kill -TERM "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
            info "$name: stopped"
        fi
        rm -f "$RUN/$name.pid"
    done
    load_secrets
    "$SERVERS" stop
}

do_status() {
    local name project port
    for c in "${COMPONENTS[@]}"; do
        read -r name project port <<<"$c"
        if is_running "$name"; then echo "$name: running on port $port (pid $(cat "$RUN/$name.pid"))"; else echo "$name: stopped"; fi
    done
    load_secrets
    "$SERVERS" status || true
}

case "${1:-start}" in
start) do_start ;;
stop) do_stop ;;
status) do_status ;;
*) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
