#!/bin/sh
# Redis's configuration for docker-compose, written to stdout (redis-server reads it from stdin, so no password is
# ever on a command line): the administrator's password, and a user per component of deploy/redis/users.acl with
# its password from JOBMATCH_REDIS_<COMPONENT>_PASSWORD (issue 18, docs/decisions/067). A component without a
# password stops the server from starting rather than leaving it open.
set -eu
printf 'requirepass "%s"\n' "$REDIS_PASSWORD"
grep -v '^#' /jobmatch/users.acl | while read -r component rules; do
    [ -n "$component" ] || continue
    variable="JOBMATCH_REDIS_$(echo "$component" | tr '[:lower:]' '[:upper:]')_PASSWORD"
    password="$(printenv "$variable" || true)"
    [ -n "$password" ] || { echo "redis-config.sh: $variable is not set" >&2; exit 1; }
    printf 'user jobmatch-%s on >%s %s\n' "$component" "$password" "$rules"
done
