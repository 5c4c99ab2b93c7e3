#!/usr/bin/env bash
# Restores a dump made by kila-backup.sh into a named database, with pg_restore --clean --if-exists,
# in one transaction: if anything fails, the target is left as it was.
#
# Usage: kila-restore.sh [--force] [--no-owner] DUMP_FILE TARGET_DATABASE
#   TARGET_DATABASE is created when it does not exist. An existing database that already holds tables,
#   or that other sessions are connected to (a running gateway), is refused unless --force is given:
#   --clean drops and recreates every object in the dump, so the data there now is replaced.
#   --no-owner   restore without the dump's owners and grants (when its roles do not exist here, for
#                example a test restore on another machine); objects then belong to the restoring user.
# Connection: PGHOST, PGPORT, PGUSER (and ~/.pgpass for a password); PGDATABASE is not used.
# Exit status: 0 restored, 1 failed, 2 bad usage, 3 refused (target not empty or in use).
set -euo pipefail

force=no
owner_args=()
args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --force) force=yes; shift ;;
        --no-owner) owner_args=(--no-owner --no-privileges); shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
        -*) echo "restore: unknown option: $1" >&2; exit 2 ;;
        *) args+=("$1"); shift ;;
    esac
done
[[ ${#args[@]} -eq 2 ]] || { echo "usage: kila-restore.sh [--force] [--no-owner] DUMP_FILE TARGET_DATABASE" >&2; exit 2; }
dump=${args[0]}
target=${args[1]}
fail() { echo "restore: $*" >&2; exit 1; }
refuse() { echo "restore: refused: $*" >&2; exit 3; }

[[ -r $dump ]] || fail "cannot read $dump"
if [[ -r $dump.sha256 ]]; then
    ( cd "$(dirname "$dump")" && sha256sum --check --status "$(basename "$dump").sha256" ) \
        || fail "$dump does not match its .sha256: the file is damaged"
fi
pg_restore --list "$dump" >/dev/null || fail "$dump is not a pg_dump custom-format archive"

# psql talks to the maintenance database "postgres" to look at the target from outside.
unset PGDATABASE
sql() { psql --no-psqlrc --no-password --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 "$@"; }
exists=$(sql --dbname=postgres --set target="$target" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'target';
SQL
) || fail "cannot connect to the PostgreSQL server"

if [[ $exists == 0 ]]; then
    createdb --no-password "$target" || fail "cannot create database $target"
    echo "restore: created database $target"
else
    tables=$(sql --dbname="$target" <<'SQL'
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%';
SQL
) || fail "cannot connect to database $target"
    others=$(sql --dbname=postgres --set target="$target" <<'SQL'
SELECT count(*) FROM pg_stat_activity WHERE datname = :'target' AND pid <> pg_backend_pid();
SQL
)
    if [[ $force != yes ]]; then
        [[ $tables == 0 ]] || refuse "database $target is not empty ($tables tables, views or sequences); add --force to replace its content"
        [[ $others == 0 ]] || refuse "$others other sessions are connected to $target (stop the gateway first); add --force to go ahead anyway"
    fi
fi

pg_restore --clean --if-exists --single-transaction --exit-on-error --no-password \
    "${owner_args[@]}" --dbname="$target" "$dump" || fail "pg_restore into $target failed; $target is unchanged"

restored=$(sql --dbname="$target" <<'SQL'
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema');
SQL
)
echo "restore: $dump -> $target ($restored tables)"
