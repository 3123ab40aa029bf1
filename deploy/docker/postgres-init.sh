#!/usr/bin/env bash
# Run once by the postgres image on a new data volume (/docker-entrypoint-initdb.d): a role per service owning only
# its own database (least privilege, issue 18), as servers.sh provision does for deploy/local/run.sh. The services
# connect as these roles; the superuser (POSTGRES_USER) is for administration only.
set -euo pipefail

for service in postings profiles matching notifications; do
    variable="JOBMATCH_${service^^}_DB_PASSWORD"
    password="${!variable:?set $variable}"
    role="jobmatch_$service"
    psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres --set=role="$role" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";
SQL
done
# earthdistance is not a "trusted" extension: its database's owner may not create it.
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d jobmatch_postings -c "CREATE EXTENSION IF NOT EXISTS cube; CREATE EXTENSION IF NOT EXISTS earthdistance;"
