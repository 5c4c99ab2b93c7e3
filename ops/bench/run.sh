#!/usr/bin/env bash
# Kila's benchmark and fault harness in one command (see ops/bench/README.md).
#
#   ops/bench/run.sh            full run (about 45 minutes): load, soak, faults, reporting queries
#   ops/bench/run.sh --short    the same scenarios, short (about 8 minutes)
#   ops/bench/run.sh --ci       the short fault scenarios only, no RESULTS.md rows (about 2-3 minutes)
#   ops/bench/run.sh --short --only steady,kill   chosen scenarios (or groups: load, faults)
#   --no-results                print the figures without appending rows to ops/bench/RESULTS.md
#
# It builds the jars if the sources are newer, starts a PRIVATE PostgreSQL 15 cluster in a temporary
# directory on its own port (never the machine's main cluster), starts the gateway against it with the
# JAVA_OPTS of ops/systemd/kila.service, runs the scenarios, and removes the cluster at the end. Exits
# non-zero when a scenario misses its target or a fault loses or duplicates anything.
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_BIN="${KILA_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}"
export KILA_BENCH_PG_BIN="$PG_BIN"
args=("$@")
short=""
only=""
results="ops/bench/RESULTS.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --short) short="--short" ;;
    --only) only="${2:?--only needs scenario names}"; shift ;;
    --no-results) results="" ;;
    --ci) short="--short"; only="faults"; results="" ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in java mvn "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pgbench" "$PG_BIN/psql"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool not found (PostgreSQL 15 server and client, JDK 17, Maven)" >&2; exit 2; }
done

gateway_jar=gateway/target/kila-gateway.jar
bench_jar=ops/target/kila-bench.jar
if [ -n "${KILA_BENCH_GATEWAY_JAR:-}" ]; then
  # Another build of the gateway, e.g. to measure before and after a change.
  gateway_jar="$KILA_BENCH_GATEWAY_JAR"
  [ -f "$bench_jar" ] || mvn -B -q -DskipTests package -pl ops -am
elif [ ! -f "$gateway_jar" ] || [ ! -f "$bench_jar" ] \
   || [ -n "$(find pom.xml gateway survey-definitions admin-ui -newer "$gateway_jar" \
              -not -path '*/target/*' -type f -print -quit)" ] \
   || [ -n "$(find ops/pom.xml ops/bench/src -newer "$bench_jar" -type f -print -quit)" ]; then
  echo "building the gateway and the harness ..."
  mvn -B -q -DskipTests package -pl gateway,ops -am
fi

free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "run.sh: no free port from $1" >&2; exit 2
}
pg_port="${KILA_BENCH_PG_PORT:-$(free_port 55432)}"
gateway_port="${KILA_BENCH_GATEWAY_PORT:-$(free_port 18080)}"
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/kila-bench-pg.XXXXXX")"
work="ops/target/bench-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$work"
work="$(cd "$work" && pwd)"

cleanup() {
  cp "$pg_dir/postgres.log" "$work/postgres.log" 2>/dev/null || true
  bash ops/bench/pg.sh destroy "$pg_dir" "$pg_port" || true
}
trap cleanup EXIT
bash ops/bench/pg.sh init "$pg_dir" "$pg_port"
bash ops/bench/pg.sh start "$pg_dir" "$pg_port"
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE kila' >/dev/null
echo "private PostgreSQL on 127.0.0.1:$pg_port (data in $pg_dir), gateway on 127.0.0.1:$gateway_port, logs in $work"

# The JVM settings production runs with, so the figures are the service's figures.
java_opts="$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' ops/systemd/kila.service | head -1)"
java_opts="${java_opts//file=\/var\/log\/kila\/gc.log/file=$work\/gc.log}"
# Extra JVM options for the gateway, e.g. to profile it: KILA_BENCH_GATEWAY_OPTS='-XX:StartFlightRecording=...'
java_opts="$java_opts ${KILA_BENCH_GATEWAY_OPTS:-}"

bench_args=(--gateway-jar "$gateway_jar" --java-opts "$java_opts" --gateway-port "$gateway_port"
  --survey survey-definitions/examples/youth-voice-ke.json --gateway-sql gateway/src/main/resources/sql --work "$work"
  --pg-script ops/bench/pg.sh --pg-dir "$pg_dir" --pg-port "$pg_port" --pgbench "$PG_BIN/pgbench"
  --command "ops/bench/run.sh${args[*]:+ ${args[*]}}")
[ -n "$short" ] && bench_args+=(--short)
[ -n "$only" ] && bench_args+=(--only "$only")
[ -n "$results" ] && bench_args+=(--results "$results")
# The generator's own pauses would count as the gateway's latency (it is measured from when each hop was
# due): its collections are logged beside the gateway's, to tell the two apart.
# Extra JVM options for the generator, e.g. to profile it: KILA_BENCH_GENERATOR_OPTS='-XX:StartFlightRecording=...'
# shellcheck disable=SC2086
java -Xlog:gc:file="$work/bench-gc.log":time,uptime ${KILA_BENCH_GENERATOR_OPTS:-} -jar "$bench_jar" "${bench_args[@]}"
