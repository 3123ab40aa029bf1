#!/usr/bin/env bash
# The fault suite, one command, on private servers like the test command: the broker cut off while postings are
# published, the broker process itself killed (-9) and started again on its data directory while postings are
# published and consumed (on a RabbitMQ node of the test's own: BrokerRestartTests), PostgreSQL cut off (60 s by
# default) while writes come in, a poison message, matching stopped and killed with -9 while messages are in flight,
# duplicate deliveries. Each test prints its counts (sent, received, lost, duplicated). The same tests run in the
# normal test command with 5-second outages (the broker restart is the same in both: 5 s dead, then its boot).
#
#   deploy/local/fault-tests.sh [outage seconds, default 60]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JOBMATCH_FAULT_OUTAGE_SECONDS="${1:-60}"
export TEST_VERBOSITY=detailed
# The counts are the lines starting "broker outage", "broker restart", "database outage" and "poison message".
exec "$ROOT/deploy/local/test.sh" \
    --filter "FullyQualifiedName~JobMatch.FaultTests|FullyQualifiedName~RestartTests|FullyQualifiedName~redelivered|FullyQualifiedName~duplicate|FullyQualifiedName~Duplicate"
