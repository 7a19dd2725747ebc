#!/usr/bin/env bash
# Makes sure a PostgreSQL server is reachable for the portal and its tests.
# - If ConnectionStrings__BaliProcess is set, that server is used as is and nothing is installed.
# - Otherwise the machine's PostgreSQL (Debian cluster 15/main) is installed if missing, started, and given
#   the role and database of the default connection string. Run as root.
set -euo pipefail

if [ -n "${ConnectionStrings__BaliProcess:-}" ]; then
  echo "ensure-postgres: using the connection string from the environment"
  exit 0
fi

apt_install() {
  # Debian's mirrors sometimes fail once for no reason: retry.
  for attempt in 1 2 3 4; do
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then return 0; fi
    echo "ensure-postgres: apt-get install $* failed (attempt $attempt), retrying" >&2
    apt-get update -qq >/dev/null 2>&1 || true
    sleep $((attempt * 3))
  done
  return 1
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt_install postgresql-15 postgresql-contrib
fi

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null
fi

if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
  pg_ctlcluster 15 main start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

# The role may create databases, so the tests can make throwaway ones. pg_trgm goes into template1 as
# the superuser, so every database made from it already has the extension the migrations ask for.
su postgres -c "psql -v ON_ERROR_STOP=1 -qtA" <<'SQL' >/dev/null
SET client_min_messages = warning;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baliprocess') THEN
    CREATE ROLE baliprocess LOGIN PASSWORD 'baliprocess' CREATEDB;
  END IF;
END $$;
-- The portal's own role where migrations run as baliprocess (docs/decisions/0026): it owns nothing, and
-- the grants that let it read and write the record are given per database by the owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baliprocess_portal') THEN
    CREATE ROLE baliprocess_portal LOGIN PASSWORD 'baliprocess_portal';
  END IF;
END $$;
-- DROP DATABASE ... WITH (FORCE) on a test database must be able to end an autovacuum worker in it.
GRANT pg_signal_backend TO baliprocess;
\c template1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
if ! su postgres -c "psql -qtAc \"select 1 from pg_database where datname='baliprocess'\"" | grep -q 1; then
  su postgres -c "createdb -O baliprocess baliprocess"
fi
echo "ensure-postgres: PostgreSQL 15 is running on localhost:5432 (database and role 'baliprocess')"
