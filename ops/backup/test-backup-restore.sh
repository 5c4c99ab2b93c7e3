#!/usr/bin/env bash
# shellcheck disable=SC2016,SC2012
# (the checks pass values to "bash -c '...'" as positional arguments, unexpanded on purpose; the file
# names listed with ls are the scripts' own)
# Proves kila-backup.sh and kila-restore.sh on a real PostgreSQL: fills a scratch database with tables
# shaped like Kila's (bytea keys and ciphertext, jsonb state, text in several scripts, NULLs, a
# sequence, a foreign key), backs it up, restores it into a second scratch database, and compares row
# counts and a checksum of every row; then checks the refusals, --force, retention and failures.
# Both scratch databases are dropped at the end, whatever happens. No other database is touched.
#
# Connection: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres), a role that may create
# databases. Usage: ops/backup/test-backup-restore.sh     Prints "backup/restore: N passed, M failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
unset PGDATABASE
src="kila_backup_test_src_$$"
dst="kila_backup_test_dst_$$"
work=$(mktemp -d)
# Stands in for a password in the environment: it must never appear in anything the scripts print.
export PGPASSWORD="never-print-me-$$"

cleanup() {
    dropdb --if-exists "$src" 2>/dev/null
    dropdb --if-exists "$dst" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

indent() { sed "s/^/     /"; }
passed=0; failed=0
check() {
    local label=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok   $label"
    else failed=$((failed + 1)); echo "FAIL $label"; fi
}
q() { psql --no-psqlrc -X -q -t -A -v ON_ERROR_STOP=1 --dbname="$1" -c "$2"; }

psql --no-psqlrc -X -q -c 'SELECT 1' --dbname=postgres >/dev/null \
    || { echo "backup/restore: cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGUSER" >&2; exit 2; }
createdb "$src" || exit 2

psql --no-psqlrc -X -q -v ON_ERROR_STOP=1 --dbname="$src" <<'SQL' || { echo "backup/restore: cannot fill $src" >&2; exit 2; }
CREATE TABLE respondent (
    id          bigserial PRIMARY KEY,
    phone_hash  bytea NOT NULL UNIQUE,
    phone_enc   bytea,
    profile     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL
);
CREATE TABLE answer (
    id            bigserial PRIMARY KEY,
    respondent_id bigint NOT NULL REFERENCES respondent (id),
    question      text NOT NULL,
    value         text,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX answer_by_question ON answer (question);
-- Every byte value 0-255 in the bytea columns, NULLs, and text in Latin, Swahili, Bangla and Nepali.
INSERT INTO respondent (phone_hash, phone_enc, profile, created_at)
SELECT sha256(('+2547000000' || i)::bytea),
       CASE WHEN i % 7 = 0 THEN NULL ELSE decode(repeat(lpad(to_hex(i % 256), 2, '0'), 40) || '00ff', 'hex') END,
       jsonb_build_object('gender', CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, 'age_band', i % 5),
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute'
  FROM generate_series(1, 300) AS i;
INSERT INTO answer (respondent_id, question, value, recorded_at)
SELECT 1 + (i % 300), 'q' || (i % 6),
       (ARRAY['Ndiyo', 'Hapana', 'হ্যাঁ', 'छैन', NULL, 'it''s "quoted" | piped'])[1 + i % 6],
       timestamptz '2026-02-01 00:00:00+00' + i * interval '1 second'
  FROM generate_series(1, 2000) AS i;
CREATE VIEW answers_per_question AS SELECT question, count(*) AS n FROM answer GROUP BY question;
SQL

# Row counts and an md5 over every row in id order: equal checksums mean equal content, bytea included.
fingerprint() {
    q "$1" "SELECT 'respondent', count(*), md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM respondent r
            UNION ALL
            SELECT 'answer', count(*), md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM answer a
            UNION ALL
            SELECT 'next ids', last_value, (SELECT last_value FROM answer_id_seq)::text FROM respondent_id_seq"
}
fingerprint "$src" > "$work/src.txt"

backups="$work/backups"
out=$(PGDATABASE="$src" "$here/kila-backup.sh" --dir "$backups" --keep-days 14 --textfile "$work/kila_backup.prom" 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
indent <<< "$out"
dump=$(find "$backups" -name "$src-*.dump" | head -1)
check "kila-backup.sh succeeds and names the dump it wrote" bash -c '[[ $1 == 0 && -s $2 && $3 == *"wrote $2 ("* ]]' _ "$status" "$dump" "$out"
check "the dump is readable by the owner only (0600)" test "$(stat -c %a "$dump" 2>/dev/null)" = 600
check "the dump lists both tables" bash -c 'pg_restore --list "$1" | grep -q "TABLE public answer " && pg_restore --list "$1" | grep -q "TABLE public respondent "' _ "$dump"
check "the dump's .sha256 matches it" bash -c 'cd "$(dirname "$1")" && sha256sum --check --status "$(basename "$1").sha256"' _ "$dump"
check "no partial file is left behind" bash -c '! ls "$1"/*.partial 2>/dev/null | grep -q .' _ "$backups"
check "the textfile metrics name the database and a fresh timestamp" \
    bash -c 'grep -Eq "^kila_backup_last_success_timestamp_seconds\{database=\"$1\"\} [0-9]+$" "$2" &&
             (( $(date +%s) - $(awk "/^kila_backup_last_success/ {print \$2}" "$2") < 120 ))' _ "$src" "$work/kila_backup.prom"

out=$("$here/kila-restore.sh" "$dump" "$dst" 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
indent <<< "$out"
check "kila-restore.sh creates the target and restores into it" bash -c '[[ $1 == 0 && $2 == *"($3 tables)"* ]]' _ "$status" "$out" 2
fingerprint "$dst" > "$work/dst.txt"
check "row counts and content checksums match the source" cmp -s "$work/src.txt" "$work/dst.txt"
check "both tables hold rows (the comparison is not of two empty sets)" \
    bash -c 'grep -q "^respondent|300|" "$1" && grep -q "^answer|2000|" "$1"' _ "$work/dst.txt"
check "bytea bytes survive exactly (0x00 and 0xff included)" \
    test "$(q "$dst" "SELECT encode(phone_enc, 'hex') FROM respondent WHERE id = 255")" = "$(printf 'ff%.0s' {1..40})00ff"
check "the restored sequences go on where the source's stopped" \
    test "$(q "$dst" "INSERT INTO answer (respondent_id, question, recorded_at) VALUES (1, 'q0', now()) RETURNING id")" = 2001
check "the view and the foreign key are restored" \
    bash -c '[[ $(psql -X -t -A -d "$1" -c "SELECT sum(n) FROM answers_per_question") == 2001 ]] &&
             ! psql -X -q -d "$1" -c "INSERT INTO answer (respondent_id, question, recorded_at) VALUES (99999, $$q$$, now())" 2>/dev/null' _ "$dst"

# The target now holds data (one extra answer): a restore without --force must refuse and change nothing.
before=$(fingerprint "$dst")
out=$("$here/kila-restore.sh" "$dump" "$dst" 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
check "a restore over a non-empty database is refused (exit 3) without --force" \
    bash -c '[[ $1 == 3 && $2 == *"not empty"* ]]' _ "$status" "$out"
check "the refused target is unchanged" test "$before" = "$(fingerprint "$dst")"

q "$dst" "DELETE FROM answer WHERE id > 1000" >/dev/null
out=$("$here/kila-restore.sh" --force "$dump" "$dst" 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
fingerprint "$dst" > "$work/dst-forced.txt"
check "with --force the damaged target is restored to the dump's content" \
    bash -c '[[ $1 == 0 ]] && cmp -s "$2" "$3"' _ "$status" "$work/src.txt" "$work/dst-forced.txt"

# An empty database with a connected session (as a gateway waiting for its first migration would
# be) is refused too.
dropdb "$dst" && createdb "$dst"
psql -X -q -d "$dst" -c 'SELECT pg_sleep(20)' >/dev/null 2>&1 &
sleeper=$!
for _ in $(seq 50); do
    [[ $(q postgres "SELECT count(*) FROM pg_stat_activity WHERE datname = '$dst' AND pid <> pg_backend_pid()") == 1 ]] && break
    sleep 0.1
done
out=$("$here/kila-restore.sh" "$dump" "$dst" 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
q postgres "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$dst'" >/dev/null
kill "$sleeper" 2>/dev/null; wait "$sleeper" 2>/dev/null
check "a restore into a database in use is refused (exit 3) without --force" \
    bash -c '[[ $1 == 3 && $2 == *"connected"* ]]' _ "$status" "$out"
check "the refused empty database stays empty" test "$(q "$dst" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0

# A damaged dump is caught before anything is touched.
cp "$dump" "$work/damaged.dump"; cp "$dump.sha256" "$work/damaged.dump.sha256"
sed -i "s/$(basename "$dump")/damaged.dump/" "$work/damaged.dump.sha256"
printf 'X' | dd of="$work/damaged.dump" bs=1 seek=2000 conv=notrunc status=none
"$here/kila-restore.sh" --force "$work/damaged.dump" "$dst" >> "$work/printed.txt" 2>&1
check "a dump that does not match its .sha256 is refused" test $? = 1

# Retention: this database's dumps older than 14 days go, younger ones and other files stay.
touch -d '20 days ago' "$backups/$src-20200101T000000Z.dump" "$backups/$src-20200101T000000Z.dump.sha256"
touch -d '10 days ago' "$backups/$src-20200111T000000Z.dump"
touch -d '20 days ago' "$backups/otherdb-20200101T000000Z.dump" "$backups/notes.txt"
sleep 1   # a new dump needs a new second in its name
PGDATABASE="$src" "$here/kila-backup.sh" --dir "$backups" --keep-days 14 >> "$work/printed.txt" 2>&1
check "retention deletes this database's dumps older than 14 days" \
    bash -c '[[ ! -e $1/$2-20200101T000000Z.dump && ! -e $1/$2-20200101T000000Z.dump.sha256 ]]' _ "$backups" "$src"
check "retention keeps younger dumps, other databases' dumps and other files" \
    bash -c '[[ -e $1/$2-20200111T000000Z.dump && -e $1/otherdb-20200101T000000Z.dump && -e $1/notes.txt ]]' _ "$backups" "$src"
check "both of today's dumps are kept" test "$(find "$backups" -name "$src-2*.dump" ! -name "*-2020*" | wc -l)" = 2

# Failure: a database that does not exist gives a non-zero exit, no file, and no old dump is deleted.
before=$(ls "$backups" | sort)
out=$(PGDATABASE="kila_backup_test_missing_$$" "$here/kila-backup.sh" --dir "$backups" --keep-days 1 2>&1)
status=$?
echo "$out" >> "$work/printed.txt"
check "a failing pg_dump makes kila-backup.sh exit non-zero" bash -c '[[ $1 != 0 && $2 == *"pg_dump of database"*"failed"* ]]' _ "$status" "$out"
check "a failing backup leaves no file and deletes nothing" test "$before" = "$(ls "$backups" | sort)"
out=$(PGDATABASE='' "$here/kila-backup.sh" --dir "$backups" 2>&1)
echo "$out" >> "$work/printed.txt"
check "a backup without PGDATABASE is refused" bash -c '[[ $1 == *"PGDATABASE is not set"* ]]' _ "$out"

check "nothing either script printed shows the password" \
    bash -c '[[ -s $2 ]] && ! grep -qF "$1" "$2"' _ "$PGPASSWORD" "$work/printed.txt"

echo "backup/restore: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
