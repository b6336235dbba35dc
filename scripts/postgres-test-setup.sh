#!/usr/bin/env bash
# Prepare a local PostgreSQL for the test suite (Debian/Ubuntu).
#
# Idempotent: installs the `postgresql` package if missing, starts the cluster,
# waits until it accepts connections, and makes sure a role `impact`
# (password `impact`, LOGIN, CREATEDB) and a database `impact_test` owned by it
# exist. Tests create a fresh database per test from this URL, hence CREATEDB.
#
# Progress goes to stderr; the last line on stdout is the connection URL, e.g.
#   export IMPACT_TEST_DATABASE_URL="$(scripts/postgres-test-setup.sh | tail -n1)"
set -euo pipefail

ROLE=impact
PASSWORD=impact
DATABASE=impact_test
CLUSTER=main

log() { printf '[postgres-test-setup] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

apt_lists_empty() {
    ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

# --- 1. install -------------------------------------------------------------
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "pg_ctlcluster not found; installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    if apt_lists_empty; then
        log "apt lists empty; running apt-get update"
        "${SUDO[@]}" apt-get update
    fi
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2; then
        log "install failed; running apt-get update and retrying"
        "${SUDO[@]}" apt-get update >&2
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    fi
fi

# --- 2. find the cluster ----------------------------------------------------
# `pg_lsclusters -h` columns: Ver Cluster Port Status Owner Datadir Logfile
pick_cluster() {
    pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" '$2 == c { print $1, $3, $4 }' | sort -n -k1,1 | tail -n1
}

line="$(pick_cluster)"
if [ -z "$line" ]; then
    # Package installed without a default cluster: create one for the newest server.
    ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -n | tail -n1)"
    [ -n "$ver" ] || die "no PostgreSQL server found under /usr/lib/postgresql"
    log "no '$CLUSTER' cluster found; creating $ver/$CLUSTER"
    "${SUDO[@]}" pg_createcluster "$ver" "$CLUSTER" >&2
    line="$(pick_cluster)"
    [ -n "$line" ] || die "could not create cluster $ver/$CLUSTER"
fi
read -r PG_VERSION PG_PORT PG_STATUS <<<"$line"
log "cluster $PG_VERSION/$CLUSTER on port $PG_PORT is $PG_STATUS"

# --- 3. start ---------------------------------------------------------------
if [ "$PG_STATUS" != "online" ]; then
    log "starting cluster $PG_VERSION/$CLUSTER"
    "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" start >&2
fi

# --- 4. wait until ready (bounded, ~30 s) -----------------------------------
ready=0
for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
        ready=1
        break
    fi
    sleep 0.5
done
[ "$ready" -eq 1 ] || die "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT within 30 s"
log "PostgreSQL is accepting connections"

# --- 5. role and database ---------------------------------------------------
as_postgres_psql() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- psql -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1 "$@"
    else
        sudo -u postgres psql -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1 "$@"
    fi
}

# Run from a directory the postgres user can read, to avoid "could not change directory" noise.
cd /

if [ "$(as_postgres_psql -d postgres -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" = "1" ]; then
    log "role $ROLE exists; ensuring LOGIN, CREATEDB and password"
    as_postgres_psql -d postgres -c "ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
else
    log "creating role $ROLE"
    as_postgres_psql -d postgres -c "CREATE ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
fi

if [ "$(as_postgres_psql -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" = "1" ]; then
    log "database $DATABASE exists; ensuring owner $ROLE"
    as_postgres_psql -d postgres -c "ALTER DATABASE $DATABASE OWNER TO $ROLE" >&2
else
    log "creating database $DATABASE owned by $ROLE"
    as_postgres_psql -d postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$PG_PORT/$DATABASE"

# Check that password login over TCP really works.
if ! PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=10 psql -X -q -tA "$URL" -c "SELECT 1" >/dev/null; then
    die "could not connect as $ROLE via $URL (check pg_hba.conf)"
fi
log "ready"

echo "$URL"
