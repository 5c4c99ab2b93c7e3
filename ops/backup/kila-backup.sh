#!/usr/bin/env bash
# Backs up the Kila database with pg_dump (custom format), keeps the last N days of dumps, and exits
# non-zero if anything failed, so cron or the systemd timer reports it.
#
# Connection: the standard libpq variables PGHOST, PGPORT, PGUSER, PGDATABASE (required). A password,
# if one is needed, comes from ~/.pgpass or PGPASSFILE, never from the command line; this script
# never prints the environment or any connection secret.
# Options (or the variables in brackets):
#   --dir DIR          where dumps go [KILA_BACKUP_DIR, default /var/backups/kila]
#   --keep-days N      delete this database's dumps older than N days [KILA_BACKUP_KEEP_DAYS, default 14]
#   --textfile FILE    also write Prometheus metrics of this run for node-exporter's textfile collector
#                      [KILA_BACKUP_TEXTFILE, unset = none]; the KilaBackupStale alert reads them
# Output: one line "backup: wrote <file> (<bytes> bytes)" on success; errors on stderr.
# The dump holds the respondents' phone numbers only encrypted, but their answers in clear: keep the
# directory private (this script creates files 0600) and copy it off the machine (see RUNBOOK.md).
set -euo pipefail
umask 077

dir=${KILA_BACKUP_DIR:-/var/backups/kila}
keep_days=${KILA_BACKUP_KEEP_DAYS:-14}
textfile=${KILA_BACKUP_TEXTFILE:-}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --dir) dir=${2:?--dir needs a value}; shift 2 ;;
        --keep-days) keep_days=${2:?--keep-days needs a value}; shift 2 ;;
        --textfile) textfile=${2:?--textfile needs a value}; shift 2 ;;
        -h|--help) usage ;;
        *) echo "backup: unknown argument: $1" >&2; usage ;;
    esac
done

fail() { echo "backup: $*" >&2; exit 1; }
[[ -n ${PGDATABASE:-} ]] || fail "PGDATABASE is not set (the database to back up)"
[[ $keep_days =~ ^[0-9]+$ && $keep_days -ge 1 ]] || fail "--keep-days must be a whole number of days, at least 1"
# The database name becomes part of a file name and of a find pattern: keep it to plain characters.
[[ $PGDATABASE =~ ^[A-Za-z0-9_.-]+$ ]] || fail "PGDATABASE has characters unsafe in a file name"
command -v pg_dump >/dev/null || fail "pg_dump is not installed (apt-get install postgresql-client)"

mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
final="$dir/$PGDATABASE-$stamp.dump"
partial="$final.partial"
# A dump cut short (disk full, killed) must never look like a good one: it is written under another
# name and only renamed once pg_dump succeeded and pg_restore can read its table of contents.
trap 'rm -f "$partial"' EXIT

started=$(date +%s)
pg_dump --format=custom --compress=6 --no-password --file="$partial" \
    || fail "pg_dump of database $PGDATABASE failed"
pg_restore --list "$partial" >/dev/null || fail "the new dump cannot be read back by pg_restore"
mv "$partial" "$final"
( cd "$dir" && sha256sum "$(basename "$final")" > "$(basename "$final").sha256" )
bytes=$(stat -c %s "$final")

# Retention only after a good dump, and only this database's dumps: a failing backup never deletes
# the last good ones.
find "$dir" -maxdepth 1 -type f \( -name "$PGDATABASE-*.dump" -o -name "$PGDATABASE-*.dump.sha256" \) \
    -mmin +$((keep_days * 24 * 60)) -delete

if [[ -n $textfile ]]; then
    # Written aside and renamed, so node-exporter never reads half a file.
    {
        echo "# HELP kila_backup_last_success_timestamp_seconds When the last successful Kila backup finished."
        echo "# TYPE kila_backup_last_success_timestamp_seconds gauge"
        echo "kila_backup_last_success_timestamp_seconds{database=\"$PGDATABASE\"} $(date +%s)"
        echo "# HELP kila_backup_size_bytes Size of the last successful Kila backup."
        echo "# TYPE kila_backup_size_bytes gauge"
        echo "kila_backup_size_bytes{database=\"$PGDATABASE\"} $bytes"
        echo "# HELP kila_backup_duration_seconds How long the last successful Kila backup took."
        echo "# TYPE kila_backup_duration_seconds gauge"
        echo "kila_backup_duration_seconds{database=\"$PGDATABASE\"} $(( $(date +%s) - started ))"
    } > "$textfile.$$" || fail "dump written, but cannot write the metrics file $textfile"
    chmod 0644 "$textfile.$$"
    mv "$textfile.$$" "$textfile"
fi

echo "backup: wrote $final ($bytes bytes)"
