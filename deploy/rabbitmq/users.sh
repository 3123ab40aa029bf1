#!/bin/sh
# A RabbitMQ user per service — jobmatch-postings, jobmatch-profiles, jobmatch-matching, jobmatch-notifications — each
# with its password from JOBMATCH_RABBITMQ_<SERVICE>_PASSWORD and rights on the default virtual host only; no guest
# (issue 18, docs/decisions/067). What `deploy/local/servers.sh provision` does for run.sh, for a broker in a
# container: docker-compose runs it beside the server in the broker's container, Kubernetes as the broker pods'
# postStart hook. It waits for the local node, then creates or updates each user (idempotent: users are cluster-wide,
# so every node of a cluster may run it), and writes /tmp/jobmatch-users-ready for the health check. Passwords go to
# rabbitmqctl on stdin, never on a command line (visible in ps). A missing password fails it, and no service user is
# left without one.
set -eu
SERVICES="${JOBMATCH_RABBITMQ_SERVICES:-postings profiles matching notifications}"
READY=/tmp/jobmatch-users-ready
rm -f "$READY"

for service in $SERVICES; do
    variable="JOBMATCH_RABBITMQ_$(echo "$service" | tr '[:lower:]' '[:upper:]')_PASSWORD"
    [ -n "$(printenv "$variable" || true)" ] || { echo "rabbitmq users.sh: $variable is not set" >&2; exit 1; }
done

# In a container started without RABBITMQ_ERLANG_COOKIE the server writes the cookie on its first start; a CLI
# started before that would write one of its own, owned by this user, which the server could not read.
if [ -z "${RABBITMQ_ERLANG_COOKIE:-}" ]; then
    waited=0
    until [ -s "${HOME:-/var/lib/rabbitmq}/.erlang.cookie" ]; do
        [ "$waited" -lt "${JOBMATCH_RABBITMQ_START_TIMEOUT:-300}" ] || { echo "rabbitmq users.sh: no Erlang cookie" >&2; exit 1; }
        sleep 1
        waited=$((waited + 1))
    done
fi
rabbitmqctl -q await_startup --timeout "${JOBMATCH_RABBITMQ_START_TIMEOUT:-300}"
existing="$(rabbitmqctl -q list_users --no-table-headers | awk '{print $1}')"
for service in $SERVICES; do
    user="jobmatch-$service"
    variable="JOBMATCH_RABBITMQ_$(echo "$service" | tr '[:lower:]' '[:upper:]')_PASSWORD"
    if printf '%s\n' "$existing" | grep -Fxq "$user"; then
        printenv "$variable" | tr -d '\n' | rabbitmqctl -q change_password "$user" >/dev/null
    else
        printenv "$variable" | tr -d '\n' | rabbitmqctl -q add_user "$user" >/dev/null
    fi
    rabbitmqctl -q set_user_tags "$user" >/dev/null
    rabbitmqctl -q set_permissions -p / "$user" '.*' '.*' '.*' >/dev/null
done
if printf '%s\n' "$existing" | grep -Fxq guest; then rabbitmqctl -q delete_user guest >/dev/null; fi
touch "$READY"
echo "rabbitmq users.sh: users $(for s in $SERVICES; do printf 'jobmatch-%s ' "$s"; done)ready"
