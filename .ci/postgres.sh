#!/usr/bin/env bash
# Starts a PostgreSQL server for the store's integration test (PostgresStoreIT) and prints the JDBC URL of a
# database for it. Installs Debian's postgresql package first when it is missing. Idempotent: a second run
# finds the package, the running cluster, the role and the database, and prints the same URL.
# Prints nothing and exits 0 where PostgreSQL cannot be had (not root, no apt-get): the test then skips.
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        log "PostgreSQL is not installed and cannot be (needs root and apt-get); its tests will be skipped"
        exit 0
    fi
    log "installing PostgreSQL"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
if [ "$(id -u)" != 0 ]; then
    log "not root: cannot start a cluster; PostgreSQL tests will be skipped"
    exit 0
fi

read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
    read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
fi
if [ "$status" != online ]; then
    log "starting cluster $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start >&2
fi

psql_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }
for _ in $(seq 1 30); do
    psql_postgres "-c 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 1
done
psql_postgres "-c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nightpain') THEN
    CREATE ROLE nightpain LOGIN PASSWORD 'nightpain-ci'; END IF; END \\\$\\\$;\"" >&2
if [ "$(psql_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = 'nightpain_test'\"")" != 1 ]; then
    psql_postgres "-c 'CREATE DATABASE nightpain_test OWNER nightpain'" >&2
fi
echo "jdbc:postgresql://127.0.0.1:$port/nightpain_test?user=nightpain&password=nightpain-ci"
