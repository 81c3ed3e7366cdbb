#!/usr/bin/env bash
# Upgrade benchmark: 1,000 revisions, each one small CREATE TABLE, run three ways on one server:
#   floor-psql     psql -1 -f FILE, once per revision file (a connection and a transaction each)
#   floor-session  one psql session, BEGIN; \i FILE; COMMIT; per revision (no connection cost)
#   migrate        the engine's database layer (one transaction per revision, with its version
#                  row and history row), started as a fresh JVM like a build would
# Usage: bench/upgrade/run.sh [COUNT] [ROUNDS]     (PGHOST/PGPORT/PGUSER pick the server;
# FLOOR_PSQL=0 skips the slow per-file psql floor;
# default 127.0.0.1:5432 user postgres with trust auth; scratch databases bench_upgrade_* are
# dropped and recreated there)
set -euo pipefail
COUNT=${1:-1000}
ROUNDS=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$ROOT/target/bench-upgrade"
rm -rf "$WORK" && mkdir -p "$WORK/versions" "$WORK/up"

# revision files: a linear chain, ids r0001..; the upgrade section alone for psql
prev=""
for i in $(seq -w 1 "$COUNT"); do
  id="r$i"
  printf -- '-- create table t_%s\n--\n-- Revision ID: %s\n-- Revises: %s\n\n-- migrate:upgrade\nCREATE TABLE t_%s (id bigint PRIMARY KEY, name text NOT NULL);\n\n-- migrate:downgrade\nDROP TABLE t_%s;\n' \
    "$i" "$id" "$prev" "$i" "$i" > "$WORK/versions/${id}_create_table.sql"
  printf 'CREATE TABLE t_%s (id bigint PRIMARY KEY, name text NOT NULL);\n' "$i" > "$WORK/up/${id}.sql"
  prev=$id
done
for f in "$WORK"/up/*.sql; do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$f"; done > "$WORK/session.sql"

(cd "$ROOT" && mvn -B -q -o -pl migrate-engine compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/migrate-engine/target/classes:$(cat "$WORK/cp.txt")"
javac -d "$WORK/classes" -cp "$CP" "$HERE/UpgradeBench.java"

fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

run_psql() { for f in "$WORK"/up/*.sql; do psql -q -X -v ON_ERROR_STOP=1 -1 -d bench_upgrade_psql -f "$f"; done; }
run_session() { psql -q -X -v ON_ERROR_STOP=1 -d bench_upgrade_session -f "$WORK/session.sql"; }
run_migrate() {
  java -cp "$WORK/classes:$CP" UpgradeBench "jdbc:postgresql://$PGHOST:$PGPORT/bench_upgrade_migrate" "$PGUSER" "$WORK/versions" \
    2>/dev/null | tee -a "$WORK/engine.log"
}
timed() { local t0; t0=$(now); "$@" >&2; ms "$t0" "$(now)"; }

declare -a P S M R
: > "$WORK/engine.log"
for r in $(seq 1 "$ROUNDS"); do
  fresh bench_upgrade_psql; fresh bench_upgrade_session; fresh bench_upgrade_migrate
  p=0
  [ "${FLOOR_PSQL:-1}" = 0 ] || p=$(timed run_psql)
  # session floor and engine run back to back, in alternating order, so that load from other
  # processes on the machine hits both alike
  if (( r % 2 )); then s=$(timed run_session); m=$(timed run_migrate); else m=$(timed run_migrate); s=$(timed run_session); fi
  P+=("$p"); S+=("$s"); M+=("$m"); R+=("$(awk -v m="$m" -v s="$s" 'BEGIN { printf "%.3f", m/s }')")
  echo "round $r: floor-psql ${p} ms, floor-session ${s} ms, migrate (whole JVM) ${m} ms, migrate/floor-session ${R[-1]}"
  n=$(psql -tA -d bench_upgrade_migrate -c "SELECT count(*) FROM migrate_history")
  [ "$n" = "$COUNT" ] || { echo "expected $COUNT history rows, found $n" >&2; exit 1; }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${P[@]}"); msn=$(median "${S[@]}"); mm=$(median "${M[@]}"); mr=$(median "${R[@]}")
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
echo "median of $ROUNDS: floor-psql $mp ms, floor-session $msn ms, migrate $mm ms"
echo "best of $ROUNDS: floor-psql $(minimum "${P[@]}") ms, floor-session $(minimum "${S[@]}") ms, migrate $(minimum "${M[@]}") ms"
[ "$mp" = 0 ] || awk -v m="$mm" -v p="$mp" 'BEGIN { printf "ratio migrate/floor-psql %.2f\n", m/p }'
echo "ratio migrate/floor-session (median of per-round ratios) $mr"
echo "engine alone, in its JVM (connect+lock+tables+run), median: $(median $(sed -n 's/.*connect+lock+tables+run \([0-9]*\) ms.*/\1/p' "$WORK/engine.log")) ms"
for db in bench_upgrade_psql bench_upgrade_session bench_upgrade_migrate; do psql -q -d postgres -c "DROP DATABASE IF EXISTS $db"; done
