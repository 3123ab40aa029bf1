#!/usr/bin/env bash
# Runs every JobMatch test on real servers, from a fresh Debian 12 machine with the .NET 10 SDK.
#
#   deploy/local/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Matching]
#
# Installs what is missing (PostgreSQL, RabbitMQ, Redis, libgomp1: through servers.sh), starts private
# servers on free loopback ports in a temporary directory, builds the solution, runs every test project
# against those servers, stops and removes them, and ends with one "N passed, N failed" line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVERS="$ROOT/deploy/local/servers.sh"
# Release, as run.sh and the images run the services: the suite is CPU-bound on two cores, and optimised code made the
# same clean-clone run 35 s shorter than Debug (docs/benchmarks.md, "The test command's time").
CONFIGURATION="${CONFIGURATION:-Release}"
# The hosts a run starts live for seconds to minutes: profile-guided re-jitting (TieredPGO) costs them more CPU than it
# gives back, and one GC heap per process is enough for a test host (the services' images keep the server GC).
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}" DOTNET_gcServer="${DOTNET_gcServer:-0}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

# A free loopback port, outside rabbitmqctl's own 35672-35682 range.
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 12000))
        (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

JOBMATCH_DATA_DIR="$(mktemp -d /tmp/jobmatch-tests.XXXXXX)"
export JOBMATCH_DATA_DIR
export JOBMATCH_PG_PORT="$(free_port)" JOBMATCH_RABBITMQ_PORT="$(free_port)" JOBMATCH_RABBITMQ_MGMT_PORT="$(free_port)"
export JOBMATCH_RABBITMQ_DIST_PORT="$(free_port)" JOBMATCH_REDIS_PORT="$(free_port)"

cleanup() { "$SERVERS" stop --purge >/dev/null 2>&1 || true; }
trap cleanup EXIT

phase_started=$SECONDS
"$SERVERS" start >/dev/null
servers_seconds=$((SECONDS - phase_started))
export JOBMATCH_TEST_POSTGRES="Host=127.0.0.1;Port=$JOBMATCH_PG_PORT;Username=postgres;Password=postgres"
export JOBMATCH_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$JOBMATCH_RABBITMQ_PORT/"
export JOBMATCH_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$JOBMATCH_RABBITMQ_MGMT_PORT/"
export JOBMATCH_TEST_REDIS="127.0.0.1:$JOBMATCH_REDIS_PORT"

phase_started=$SECONDS
dotnet build "$ROOT/JobMatch.sln" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
build_seconds=$((SECONDS - phase_started))

LOG="$JOBMATCH_DATA_DIR/dotnet-test.log"
status=0
phase_started=$SECONDS
# Minimal verbosity: a line per test assembly, and a failing test in full with the tail of its service logs (the
# logs themselves go to files: tests/JobMatch.Testing/Logs). TEST_VERBOSITY=normal lists every test.
# Two test assemblies at a time (TEST_PARALLEL; three measured no faster on two cores: docs/benchmarks.md). The
# solution lists the longest first, so the last to finish are short ones and no core idles at the end.
dotnet test "$ROOT/JobMatch.sln" -c "$CONFIGURATION" --no-build --nologo -m:"${TEST_PARALLEL:-2}" \
    --blame-hang-timeout 10m --logger "console;verbosity=${TEST_VERBOSITY:-minimal}" "$@" 2>&1 | tee "$LOG" || status=$?

# One closing line for the whole run, summed over the test assemblies' "Passed!/Failed!  - Failed: N, Passed: N,
# Skipped: N" summaries; an aborted test run counts as a failure.
summary="$(awk '
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
        line = $0; gsub(/[^0-9,]/, " ", line); split(line, n, ",")
        f += n[1]; p += n[2]; s += n[3]
    }
    /^Test Run Aborted/ { f += 1 }
    END { printf "%d passed, %d failed, %d skipped", p, f, s }' "$LOG")"
echo
echo "test.sh: servers ${servers_seconds} s, build ${build_seconds} s, tests $((SECONDS - phase_started)) s"
echo "Tests: $summary"
if [[ $status -eq 0 && $summary == "0 passed"* ]]; then
    echo "test.sh: no test ran" >&2
    exit 1
fi
exit "$status"
