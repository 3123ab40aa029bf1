#!/usr/bin/env bash
# Local PostgreSQL 15, RabbitMQ and Redis for JobMatch development and tests.
#
#   servers.sh start            install what is missing, start what is not running
#   servers.sh stop [--purge]   stop everything (--purge also deletes the data dir)
#   servers.sh status           exit 0 only if all three are running
#   servers.sh env              print the `export` lines the .NET services read
#   servers.sh provision        least privilege for a running set (run.sh): a PostgreSQL role owning each
#                               service's database, a RabbitMQ user per service, no guest, a Redis password
#                               and a Redis user per component that uses Redis (deploy/redis/users.acl)
#
# Settings (environment):
#   JOBMATCH_DATA_DIR            default <repo>/.local/servers; all data, logs, pids
#   JOBMATCH_PG_PORT             default 55432
#   JOBMATCH_RABBITMQ_PORT       default 55672 (AMQP)
#   JOBMATCH_RABBITMQ_MGMT_PORT  default 55673 (management HTTP API)
#   JOBMATCH_RABBITMQ_DIST_PORT  default 55674 (Erlang distribution)
#   JOBMATCH_REDIS_PORT          default 56379
#   JOBMATCH_START_TIMEOUT       default 60 (seconds per server)
#   JOBMATCH_PG_ADMIN_PASSWORD   default postgres (the superuser's; PostgreSQL asks for it over TCP)
#   JOBMATCH_RABBITMQ_USER/_PASSWORD  default guest/guest (the administrator the env lines name)
#   JOBMATCH_REDIS_PASSWORD      default none
#   JOBMATCH_SERVICE_PASSWORDS   for provision: "postings=… profiles=… matching=… notifications=…"
#
# Several instances (different data dir + ports) can run side by side; the test
# suite relies on that. Progress goes to stderr and the export lines to stdout,
# so `eval "$(deploy/local/servers.sh start)"` works.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

DATA_DIR="${JOBMATCH_DATA_DIR:-$REPO_ROOT/.local/servers}"
PG_PORT="${JOBMATCH_PG_PORT:-55432}"
RMQ_PORT="${JOBMATCH_RABBITMQ_PORT:-55672}"
RMQ_MGMT_PORT="${JOBMATCH_RABBITMQ_MGMT_PORT:-55673}"
RMQ_DIST_PORT="${JOBMATCH_RABBITMQ_DIST_PORT:-55674}"
REDIS_PORT="${JOBMATCH_REDIS_PORT:-56379}"
START_TIMEOUT="${JOBMATCH_START_TIMEOUT:-60}"
PG_ADMIN_PASSWORD="${JOBMATCH_PG_ADMIN_PASSWORD:-postgres}"
RMQ_USER="${JOBMATCH_RABBITMQ_USER:-guest}"
RMQ_PASSWORD="${JOBMATCH_RABBITMQ_PASSWORD:-guest}"
REDIS_PASSWORD="${JOBMATCH_REDIS_PASSWORD:-}"
# redis-cli authenticates from the environment (never a password on a command line, visible in ps).
if [[ -n $REDIS_PASSWORD ]]; then export REDISCLI_AUTH="$REDIS_PASSWORD"; fi

HOST=127.0.0.1
PG_BIN=/usr/lib/postgresql/15/bin
# Debian's /usr/sbin/rabbitmq-* wrappers `su` to the rabbitmq user when called
# as root (forcing HOME=/var/lib/rabbitmq and its cookie) and refuse to run for
# any other user, so we call the real scripts directly as the invoking user.
RMQ_BIN=/usr/lib/rabbitmq/bin

# fd of the lock taken by with_lock. Daemons started from here must not
# inherit it (hence `{LOCK_FD}>&-`), or they would hold the lock forever.
LOCK_FD=

# Relative paths would break once the daemons chdir elsewhere.
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$PWD/$DATA_DIR" ;; esac
DATA_DIR="${DATA_DIR%/}"

PG_DIR="$DATA_DIR/postgres"
RMQ_DIR="$DATA_DIR/rabbitmq"
REDIS_DIR="$DATA_DIR/redis"
LOG_DIR="$DATA_DIR/log"
RUN_DIR="$DATA_DIR/run"
MARKER="$DATA_DIR/.jobmatch-servers"

PG_LOG="$LOG_DIR/postgres.log"
REDIS_LOG="$LOG_DIR/redis.log"
REDIS_PID="$RUN_DIR/redis.pid"
RMQ_NODE="jobmatch-$RMQ_PORT@localhost"
RMQ_LOG_DIR="$LOG_DIR/rabbitmq"
RMQ_LOG="$RMQ_LOG_DIR/$RMQ_NODE.log"
RMQ_PID="$RUN_DIR/rabbitmq.pid"

IS_ROOT=0
[[ $(id -u) == 0 ]] && IS_ROOT=1

# ---------------------------------------------------------------- helpers

info() { echo "servers.sh: $*" >&2; }
warn() { echo "servers.sh: warning: $*" >&2; }
die() {
    echo "servers.sh: error: $*" >&2
    exit 1
}

validate_settings() {
    local pair
    for pair in PG_PORT:PG_PORT RABBITMQ_PORT:RMQ_PORT RABBITMQ_MGMT_PORT:RMQ_MGMT_PORT \
        RABBITMQ_DIST_PORT:RMQ_DIST_PORT REDIS_PORT:REDIS_PORT START_TIMEOUT:START_TIMEOUT; do
        local var="${pair#*:}"
        local value="${!var}"
        [[ $value =~ ^[0-9]+$ ]] || die "JOBMATCH_${pair%%:*} must be a number, got '$value'"
    done
    local ports="$PG_PORT $RMQ_PORT $RMQ_MGMT_PORT $RMQ_DIST_PORT $REDIS_PORT"
    [[ $(tr ' ' '\n' <<<"$ports" | sort -u | wc -l) == 5 ]] || die "ports must be distinct: $ports"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# A pid counts only if it is alive AND is the expected program: pid files
# survive reboots and the number may have been reused by something else.
# Zombies do not count: daemons get reparented to PID 1, which in containers
# may reap them late, and an exited server must not look like a running one.
pid_is() {
    local pid="$1" comm="$2" stat
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    [[ ${stat##*) } != Z* ]] || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm"* ]]
}

pid_from_file() { [[ -s $1 ]] && head -n1 "$1" | tr -dc '0-9'; }

require_port_free() {
    local port="$1" what="$2"
    if port_open "$port"; then
        die "port $port ($what) is already in use by another process; pick another port via the JOBMATCH_* variables"
    fi
}

# Waits until `ready_fn` succeeds. If `alive_fn` fails after a short grace
# period (the daemon may not have written its pid yet) the server has died,
# and there is no point in waiting out the full timeout.
wait_for() {
    local name="$1" log="$2" ready_fn="$3" alive_fn="$4"
    local start=$SECONDS
    until "$ready_fn"; do
        if ((SECONDS - start >= 5)) && ! "$alive_fn"; then
            die "$name exited during startup; see $log"
        fi
        if ((SECONDS - start >= START_TIMEOUT)); then
            die "$name did not become ready within ${START_TIMEOUT}s; see $log"
        fi
        sleep 0.3
    done
}

wait_pid_gone() {
    local pid="$1" comm="$2" secs="$3" start=$SECONDS
    while pid_is "$pid" "$comm"; do
        ((SECONDS - start >= secs)) && return 1
        sleep 0.2
    done
}

# Parallel `start`/`stop` calls (e.g. from concurrently started test projects)
# on the same data dir must not race each other into double launches.
with_lock() {
    mkdir -p "$DATA_DIR"
    exec {LOCK_FD}>"$DATA_DIR/.lock"
    flock -w 300 "$LOCK_FD" || die "could not lock $DATA_DIR/.lock within 300s"
    "$@"
}

# ---------------------------------------------------------------- packages

pkg_installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

missing_packages() {
    [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/pg_isready ]] || echo postgresql
    # pg_trgm is what the services need from contrib.
    [[ -f /usr/share/postgresql/15/extension/pg_trgm.control ]] || echo postgresql-contrib
    [[ -x $RMQ_BIN/rabbitmq-server && -x $RMQ_BIN/rabbitmqctl ]] || echo rabbitmq-server
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null || echo redis-server
    # LightGBM's native library (shipped in the LightGBM NuGet package, used by the ML.NET ranker) links OpenMP.
    pkg_installed libgomp1 || echo libgomp1
    # Used below to probe the RabbitMQ management API.
    command -v curl >/dev/null || echo curl
    # Debian's Chromium for the portal's browser tests (Playwright never downloads one); run.sh needs no browser.
    [[ ${JOBMATCH_NO_BROWSER:-} == 1 ]] || [[ -x /usr/bin/chromium ]] || echo chromium
    # …and a Chinese font, so its screenshots show the pages' text rather than empty boxes.
    [[ ${JOBMATCH_NO_BROWSER:-} == 1 ]] || pkg_installed fonts-wqy-microhei || echo fonts-wqy-microhei
}

ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    ((${#missing[@]} == 0)) && return 0

    local sudo=()
    if ((!IS_ROOT)); then
        command -v sudo >/dev/null ||
            die "missing packages: ${missing[*]}; run as root: apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    # apt's progress goes to a log of its own: it is thousands of lines, and only a failure needs it.
    local apt_log="${TMPDIR:-/tmp}/jobmatch-apt.log"
    info "installing missing packages: ${missing[*]} (apt-get output: $apt_log)"
    # The lock timeout lets us queue behind another apt run instead of failing.
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
    "${apt[@]}" update >"$apt_log" 2>&1 || { tail -n 20 "$apt_log" >&2; die "apt-get update failed"; }
    # Postinst scripts may try (and fail) to start the system-wide services;
    # we never use those, so judge success by what is installed afterwards.
    "${apt[@]}" install -y "${missing[@]}" >>"$apt_log" 2>&1 || warn "apt-get install reported an error; checking what got installed"
    mapfile -t missing < <(missing_packages)
    ((${#missing[@]} == 0)) || { tail -n 20 "$apt_log" >&2; die "still missing after apt-get install: ${missing[*]}"; }
}

# ---------------------------------------------------------------- postgres

# PostgreSQL refuses to run as root, so as root everything runs as `postgres`.
# cd / because runuser keeps the cwd, which `postgres` often cannot read.
pg_run() {
    if ((IS_ROOT)); then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# As root, the postgres user needs to reach $DATA_DIR: e.g. `mktemp -d` gives
# mode 700, and /root is 700. Grant traversal (x) only, never listing.
pg_ensure_traversable() {
    ((IS_ROOT)) || return 0
    local dir="$1" path="" part
    local -a parts
    IFS=/ read -ra parts <<<"${dir#/}"
    for part in "${parts[@]}"; do
        path="$path/$part"
        if ! runuser -u postgres -- test -x "$path" 2>/dev/null; then
            info "granting traversal (go+x) on $path so the postgres user can reach its data dir"
            chmod go+x "$path"
        fi
    done
}

pg_pid() { pid_from_file "$PG_DIR/postmaster.pid"; }

pg_running() {
    local pid
    pid="$(pg_pid)" && pid_is "$pid" postgres
}

pg_ready() { "$PG_BIN/pg_isready" -q -h "$HOST" -p "$PG_PORT" -U postgres -d postgres; }

pg_init() {
    info "postgres: initdb in $PG_DIR"
    mkdir -p "$PG_DIR"
    chmod 700 "$PG_DIR"
    ((IS_ROOT)) && chown postgres:postgres "$PG_DIR"
    # The superuser's password is set here (it is asked for over TCP: pg_hba below), from a file only postgres reads.
    local pwfile="$RUN_DIR/pg-initial-password"
    mkdir -p "$RUN_DIR"
    (umask 077; printf '%s\n' "$PG_ADMIN_PASSWORD" >"$pwfile")
    ((IS_ROOT)) && chown postgres "$pwfile"
    pg_run "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" \
        --encoding=UTF8 --locale=C.UTF-8 >>"$PG_LOG" 2>&1 || { rm -f "$pwfile"; die "initdb failed; see $PG_LOG"; }
    rm -f "$pwfile"
    # Settings that depend on the environment live in a file rewritten on
    # every start, so changing a JOBMATCH_* variable takes effect.
    echo "include_if_exists = 'jobmatch.conf'" >>"$PG_DIR/postgresql.conf"
    PG_FRESH=1
}

pg_write_runtime_conf() {
    local sockdir="$PG_DIR"
    # Unix socket paths are limited to 107 bytes; TCP is what we use anyway.
    if ((${#sockdir} + 16 > 107)); then
        warn "postgres: $PG_DIR is too long for a unix socket path; TCP only"
        sockdir=""
    fi
    local conf="$PG_DIR/jobmatch.conf"
    cat >"$conf" <<EOF
# Generated by deploy/local/servers.sh on every start; edits are overwritten.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '${sockdir//\'/\'\'}'
max_connections = 300
shared_buffers = 128MB
EOF
    ((IS_ROOT)) && chown postgres:postgres "$conf"
    pg_write_hba
    return 0
}

# Passwords over TCP (scram), even for a data dir first made with trust; the unix socket (in the data dir, mode 700:
# only its owner reaches it) stays trusted for administration (provision).
pg_write_hba() {
    cat >"$PG_DIR/pg_hba.conf" <<EOF
# Generated by deploy/local/servers.sh on every start; edits are overwritten.
local all all trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
EOF
    ((IS_ROOT)) && chown postgres:postgres "$PG_DIR/pg_hba.conf"
    return 0
}

pg_launch() {
    PG_LAUNCHED=0 PG_FRESH=0
    if pg_running; then
        info "postgres: already running (pid $(pg_pid))"
        pg_write_hba
        pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR" reload >/dev/null
        return 0
    fi
    mkdir -p "$LOG_DIR"
    touch "$PG_LOG"
    # pg_ctl (as postgres) appends to the log itself.
    ((IS_ROOT)) && chown postgres:postgres "$PG_LOG"
    pg_ensure_traversable "$LOG_DIR"
    [[ -s $PG_DIR/PG_VERSION ]] || pg_init
    pg_write_runtime_conf
    info "postgres: starting on $HOST:$PG_PORT"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_LOG" -W start >/dev/null {LOCK_FD}>&- ||
        die "pg_ctl start failed; see $PG_LOG"
    PG_LAUNCHED=1
}

pg_wait() {
    wait_for postgres "$PG_LOG" pg_ready pg_running
    ((PG_LAUNCHED)) && info "postgres: ready"
    return 0
}

pg_stop() {
    if ! pg_running; then
        info "postgres: not running"
        return 0
    fi
    info "postgres: stopping"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t "$START_TIMEOUT" stop >/dev/null ||
        die "pg_ctl stop failed; see $PG_LOG"
}

pg_status() {
    if pg_running; then
        echo "postgres: running (pid $(pg_pid), $HOST:$PG_PORT, data $PG_DIR)"
    else
        echo "postgres: stopped"
        return 1
    fi
}

# ---------------------------------------------------------------- rabbitmq

# Server and rabbitmqctl must see the same settings. HOME matters because the
# Erlang cookie is read from $HOME/.erlang.cookie by both; an instance-private
# HOME gives each instance its own cookie and keeps ~/.erlang.cookie untouched.
rmq_env() {
    export HOME="$RMQ_DIR"
    export RABBITMQ_NODENAME="$RMQ_NODE"
    export RABBITMQ_NODE_IP_ADDRESS="$HOST"
    export RABBITMQ_NODE_PORT="$RMQ_PORT"
    export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
    export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
    export RABBITMQ_LOG_BASE="$RMQ_LOG_DIR"
    export RABBITMQ_PID_FILE="$RMQ_PID"
    export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
    # Keep every /etc/rabbitmq file (env, conf.d, advanced.config) out.
    export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
    export RABBITMQ_CONFIG_FILES="$RMQ_DIR/conf.d"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
    # Erlang distribution listens on all interfaces unless told otherwise;
    # applies to the node and to the short-lived rabbitmqctl node.
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    # epmd (shared by all Erlang nodes on the host) is spawned on demand by
    # whichever node comes first; keep it off the network too.
    export ERL_EPMD_ADDRESS="$HOST"
    export ERL_CRASH_DUMP="$RMQ_LOG_DIR/erl_crash.dump"
}

rmq_ctl() {
    (
        rmq_env
        cd "$RMQ_DIR"
        "$RMQ_BIN/rabbitmqctl" -q -n "$RMQ_NODE" "$@"
    )
}

rmq_pid() { pid_from_file "$RMQ_PID"; }

rmq_running() {
    local pid
    pid="$(rmq_pid)" && pid_is "$pid" beam.smp
}

# As the configured administrator, or guest on a node not provisioned yet.
rmq_api_ok() {
    local user
    for user in "$RMQ_USER:$RMQ_PASSWORD" guest:guest; do
        curl -fsS -o /dev/null -m 2 -u "$user" "http://$HOST:$RMQ_MGMT_PORT/api/overview" 2>/dev/null && return 0
    done
    return 1
}

rmq_prepare() {
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/conf.d" "$RMQ_LOG_DIR" "$RUN_DIR"
    : >"$RMQ_DIR/rabbitmq-env.conf"
    if [[ ! -s $RMQ_DIR/.erlang.cookie ]]; then
        # Created up front: otherwise the server and a concurrently started
        # rabbitmqctl could each generate a different one.
        (
            umask 077
            head -c 30 /dev/urandom | base32 | tr -d '=\n' >"$RMQ_DIR/.erlang.cookie"
        )
    fi
    chmod 400 "$RMQ_DIR/.erlang.cookie" # Erlang rejects cookies readable by others
    cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Generated by deploy/local/servers.sh on every start; edits are overwritten.
vm_memory_high_watermark.absolute = 1GB
disk_free_limit.absolute = 200MB
management.tcp.port = $RMQ_MGMT_PORT
management.tcp.ip = $HOST
EOF
    echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
}

rmq_launch() {
    RMQ_LAUNCHED=0
    if rmq_running; then
        info "rabbitmq: already running (pid $(rmq_pid), node $RMQ_NODE)"
        return 0
    fi
    rm -f "$RMQ_PID"
    rmq_prepare
    info "rabbitmq: starting node $RMQ_NODE on $HOST:$RMQ_PORT"
    # -detached closes stdio, so early boot errors only show up in the log.
    (
        rmq_env
        cd "$RMQ_DIR"
        exec "$RMQ_BIN/rabbitmq-server" -detached </dev/null >/dev/null 2>&1 {LOCK_FD}>&-
    ) || die "rabbitmq-server failed to launch; see $RMQ_LOG"
    RMQ_LAUNCHED=1
}

rmq_wait() {
    wait_for rabbitmq "$RMQ_LOG" rmq_api_ok rmq_running
    if ((RMQ_LAUNCHED)); then
        # The API answering is the real requirement; await_startup also
        # proves that rabbitmqctl (cookie, node name) can reach the node.
        rmq_ctl await_startup -t "$START_TIMEOUT" >/dev/null ||
            die "rabbitmqctl await_startup failed for $RMQ_NODE; see $RMQ_LOG"
        info "rabbitmq: ready (management http://$HOST:$RMQ_MGMT_PORT/)"
    fi
    return 0
}

rmq_stop() {
    local pid
    if ! rmq_running; then
        info "rabbitmq: not running"
        rm -f "$RMQ_PID"
        return 0
    fi
    pid="$(rmq_pid)"
    info "rabbitmq: stopping node $RMQ_NODE"
    if ! rmq_ctl shutdown -t "$START_TIMEOUT" >/dev/null 2>&1; then
        warn "rabbitmqctl shutdown failed; sending SIGTERM to $pid"
        kill -TERM "$pid" 2>/dev/null || true
    fi
    if ! wait_pid_gone "$pid" beam.smp "$START_TIMEOUT"; then
        warn "rabbitmq did not exit within ${START_TIMEOUT}s; killing $pid"
        kill -KILL "$pid" 2>/dev/null || true
        wait_pid_gone "$pid" beam.smp 10 || die "could not stop rabbitmq pid $pid"
    fi
    rm -f "$RMQ_PID"
    rmq_maybe_stop_epmd
}

# The node's VM spawned epmd and leaves it behind. Only ask it to exit when no
# node at all is registered: `epmd -kill` refuses anyway while nodes are alive,
# so another instance (or an unrelated Erlang node) is never disturbed.
rmq_maybe_stop_epmd() {
    local names
    names="$(epmd -names 2>/dev/null)" || return 0
    grep -q '^name ' <<<"$names" && return 0
    epmd -kill >/dev/null 2>&1 || true
}

rmq_status() {
    if rmq_running; then
        echo "rabbitmq: running (pid $(rmq_pid), node $RMQ_NODE, amqp $HOST:$RMQ_PORT, management $HOST:$RMQ_MGMT_PORT)"
    else
        echo "rabbitmq: stopped"
        return 1
    fi
}

# ---------------------------------------------------------------- redis

redis_pid() { pid_from_file "$REDIS_PID"; }

redis_running() {
    local pid
    pid="$(redis_pid)" && pid_is "$pid" redis-server
}

redis_ready() { [[ $(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_launch() {
    REDIS_LAUNCHED=0
    if redis_running; then
        info "redis: already running (pid $(redis_pid))"
        return 0
    fi
    rm -f "$REDIS_PID"
    mkdir -p "$REDIS_DIR" "$LOG_DIR" "$RUN_DIR"
    info "redis: starting on $HOST:$REDIS_PORT"
    # A password goes in through stdin (a config read from "-"), not the command line.
    printf 'requirepass "%s"\n' "$REDIS_PASSWORD" | sed '/^requirepass ""$/d' |
        redis-server - --bind "$HOST" --port "$REDIS_PORT" --daemonize yes \
        --pidfile "$REDIS_PID" --dir "$REDIS_DIR" --logfile "$REDIS_LOG" \
        --save "" --appendonly yes >/dev/null {LOCK_FD}>&- ||
        die "redis-server failed to launch; see $REDIS_LOG"
    REDIS_LAUNCHED=1
}

redis_wait() {
    wait_for redis "$REDIS_LOG" redis_ready redis_running
    ((REDIS_LAUNCHED)) && info "redis: ready"
    return 0
}

redis_stop() {
    local pid
    if ! redis_running; then
        info "redis: not running"
        rm -f "$REDIS_PID"
        return 0
    fi
    pid="$(redis_pid)"
    info "redis: stopping"
    # nosave only skips the (disabled) RDB snapshot; the AOF is still flushed.
    redis-cli -h "$HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 ||
        kill -TERM "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" redis-server "$START_TIMEOUT" || die "redis pid $pid did not exit; see $REDIS_LOG"
    rm -f "$REDIS_PID"
}

redis_status() {
    if redis_running; then
        echo "redis: running (pid $(redis_pid), $HOST:$REDIS_PORT)"
    else
        echo "redis: stopped"
        return 1
    fi
}

# ---------------------------------------------------------------- commands

print_env() {
    local redis="$HOST:$REDIS_PORT"
    [[ -z $REDIS_PASSWORD ]] || redis="$redis,password=$REDIS_PASSWORD"
    cat <<EOF
export ConnectionStrings__Postgres="Host=$HOST;Port=$PG_PORT;Username=postgres;Password=$PG_ADMIN_PASSWORD"
export ConnectionStrings__RabbitMq="amqp://$RMQ_USER:$RMQ_PASSWORD@$HOST:$RMQ_PORT/"
export ConnectionStrings__Redis="$redis"
export RabbitMq__ManagementUri="http://$RMQ_USER:$RMQ_PASSWORD@$HOST:$RMQ_MGMT_PORT/"
EOF
}

# ---------------------------------------------------------------- provision

# psql as the superuser: through the trusted unix socket when the data dir has one, else over TCP with the password.
pg_admin() {
    local host="$HOST"
    [[ -S $PG_DIR/.s.PGSQL.$PG_PORT ]] && host="$PG_DIR"
    PGPASSWORD="$PG_ADMIN_PASSWORD" PGOPTIONS="-c client_min_messages=warning" \
        pg_run "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h "$host" -p "$PG_PORT" -U postgres "$@"
}

# Extensions a service's migrations need but its role may not create (earthdistance is not "trusted"), made first.
declare -A SERVICE_EXTENSIONS=([postings]="cube earthdistance")

# A role per service (jobmatch_<service>, LOGIN, no superuser, no CREATEDB) owning the service's database and
# everything in it, the only role besides the superuser that may connect to it.
provision_postgres() {
    local service="$1" role="jobmatch_${1//-/_}"
    local database="$role" password="${2//"'"/"''"}"
    pg_admin -d postgres <<SQL >/dev/null
SELECT format('CREATE ROLE %I LOGIN', '$role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') \gexec
ALTER ROLE "$role" NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password';
SELECT format('CREATE DATABASE %I OWNER %I', '$database', '$role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$database') \gexec
ALTER DATABASE "$database" OWNER TO "$role";
REVOKE ALL ON DATABASE "$database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$database" TO "$role";
SQL
    pg_admin -d "$database" <<SQL >/dev/null
$(for extension in ${SERVICE_EXTENSIONS[$service]:-}; do echo "CREATE EXTENSION IF NOT EXISTS $extension;"; done)
ALTER SCHEMA public OWNER TO "$role";
DO \$\$
DECLARE item record;
BEGIN
    FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> '$role'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    LOOP
        EXECUTE format(CASE item.relkind WHEN 'v' THEN 'ALTER VIEW %I OWNER TO %I' WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I OWNER TO %I'
                       WHEN 'S' THEN 'ALTER SEQUENCE %I OWNER TO %I' ELSE 'ALTER TABLE %I OWNER TO %I' END, item.relname, '$role');
    END LOOP;
    FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '$role'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.signature, '$role');
    END LOOP;
END
\$\$;
SQL
}

# A user per service with rights on the default virtual host only, and an administrator with the configured
# password in place of guest (deleted: guest/guest is an administrator anyone on the machine knows).
provision_rabbitmq() {
    local service users
    rmq_user "$RMQ_USER" "$RMQ_PASSWORD" administrator
    for service in "${!SERVICE_PASSWORDS[@]}"; do
        rmq_user "jobmatch-$service" "${SERVICE_PASSWORDS[$service]}" ""
    done
    users="$(rmq_users)"
    if [[ $RMQ_USER != guest ]] && grep -Fxq guest <<<"$users"; then
        rmq_ctl delete_user guest >/dev/null
    fi
}

# The names only (read whole before matching: grep -q closing the pipe early would fail it under pipefail).
rmq_users() { rmq_ctl list_users --no-table-headers | awk '{print $1}'; }

rmq_user() {
    local user="$1" password="$2" tags="$3" users
    users="$(rmq_users)"
    if grep -Fxq "$user" <<<"$users"; then
        rmq_ctl change_password "$user" "$password" >/dev/null
    else
        rmq_ctl add_user "$user" "$password" >/dev/null
    fi
    # shellcheck disable=SC2086 # no tags is no argument
    rmq_ctl set_user_tags "$user" $tags >/dev/null
    rmq_ctl set_permissions -p / "$user" '.*' '.*' '.*' >/dev/null
}

provision_redis() {
    [[ -n $REDIS_PASSWORD ]] || return 0
    # A server started before the password was set has none yet: redis-cli then warns about AUTH and goes on.
    local answer
    answer="$(redis-cli -h "$HOST" -p "$REDIS_PORT" config set requirepass "$REDIS_PASSWORD" 2>/dev/null)"
    [[ $answer == OK ]] || die "redis: could not set its password ($answer)"
    provision_redis_users
}

# A user per component of deploy/redis/users.acl (JOBMATCH_REDIS_USER_PASSWORDS="gateway=… notifications=…"), reset
# to exactly its line's rules on every provision; the default user stays the administrator.
provision_redis_users() {
    declare -A passwords=()
    local pair component rest answer
    local -a rules
    for pair in ${JOBMATCH_REDIS_USER_PASSWORDS:-}; do passwords[${pair%%=*}]="${pair#*=}"; done
    while read -r component rest; do
        [[ -z $component || $component == \#* ]] && continue
        [[ -n ${passwords[$component]:-} ]] || die "provision: no Redis password for $component (JOBMATCH_REDIS_USER_PASSWORDS)"
        read -ra rules <<<"$rest" # words, never globbed (~jobmatch:ratelimit:*)
        # The password as the last argument from stdin (-x), never on a command line (visible in ps).
        answer="$(printf '>%s' "${passwords[$component]}" |
            redis-cli -h "$HOST" -p "$REDIS_PORT" -x acl setuser "jobmatch-$component" reset on "${rules[@]}" 2>&1)"
        [[ $answer == OK ]] || die "redis: could not set user jobmatch-$component ($answer)"
    done <"$REPO_ROOT/deploy/redis/users.acl"
}

do_provision() {
    declare -gA SERVICE_PASSWORDS=()
    local pair
    for pair in ${JOBMATCH_SERVICE_PASSWORDS:-}; do SERVICE_PASSWORDS[${pair%%=*}]="${pair#*=}"; done
    ((${#SERVICE_PASSWORDS[@]} > 0)) || die "provision: JOBMATCH_SERVICE_PASSWORDS names no service"
    do_status >/dev/null || die "provision: start the servers first"
    # The superuser's password as configured, also for a data dir made when it was another (through the socket).
    pg_admin -d postgres -c "ALTER ROLE postgres PASSWORD '${PG_ADMIN_PASSWORD//"'"/"''"}'" >/dev/null
    local service
    for service in "${!SERVICE_PASSWORDS[@]}"; do provision_postgres "$service" "${SERVICE_PASSWORDS[$service]}"; done
    provision_rabbitmq
    provision_redis
    info "provisioned: a database role and a broker user per service (${!SERVICE_PASSWORDS[*]}), no guest, Redis password and users"
}

# Checked for all servers before launching any, so a port clash does not
# leave a half-started set behind.
check_ports() {
    if ! pg_running; then
        require_port_free "$PG_PORT" postgres
    fi
    if ! rmq_running; then
        require_port_free "$RMQ_PORT" "rabbitmq amqp"
        require_port_free "$RMQ_MGMT_PORT" "rabbitmq management"
        require_port_free "$RMQ_DIST_PORT" "rabbitmq distribution"
    fi
    if ! redis_running; then
        require_port_free "$REDIS_PORT" redis
    fi
}

do_start() {
    local t0=$SECONDS
    ensure_packages
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    touch "$MARKER"
    check_ports
    # Launch all three first and only then wait, so their boots overlap.
    # RabbitMQ goes first: its boot (5-10 s) is the long pole and hides initdb.
    rmq_launch
    pg_launch
    redis_launch
    pg_wait
    redis_wait
    rmq_wait
    info "all servers up (${DATA_DIR}, $((SECONDS - t0))s)"
    print_env
}

do_stop() {
    local purge="$1"
    if [[ -d $DATA_DIR ]]; then
        rmq_stop
        redis_stop
        pg_stop
    else
        info "nothing to stop ($DATA_DIR does not exist)"
    fi
    if [[ $purge == 1 ]]; then
        do_purge
    fi
}

do_purge() {
    [[ -d $DATA_DIR ]] || return 0
    # Guard against a mistyped JOBMATCH_DATA_DIR pointing at real data.
    if [[ ! -e $MARKER ]] && [[ -n $(ls -A "$DATA_DIR" | grep -Fvx .lock) ]]; then
        die "refusing to purge $DATA_DIR: it was not created by servers.sh (no $(basename "$MARKER"))"
    fi
    info "purging $DATA_DIR"
    rm -rf -- "$DATA_DIR"
}

do_status() {
    local rc=0
    pg_status || rc=3
    rmq_status || rc=3
    redis_status || rc=3
    return "$rc"
}

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local cmd="${1:-}"
    shift || true
    validate_settings
    case "$cmd" in
    start)
        (($# == 0)) || usage
        with_lock do_start
        ;;
    stop)
        local purge=0
        case "${1:-}" in
        "") ;;
        --purge) purge=1 ;;
        *) usage ;;
        esac
        # No lock (file) in a directory that is not ours; purge refuses it.
        if [[ -e $MARKER ]]; then
            with_lock do_stop "$purge"
        else
            do_stop "$purge"
        fi
        ;;
    status) do_status ;;
    env) print_env ;;
    provision)
        (($# == 0)) || usage
        with_lock do_provision
        ;;
    -h | --help | help) usage ;;
    *) usage ;;
    esac
}

main "$@"
