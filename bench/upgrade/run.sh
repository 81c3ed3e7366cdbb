#!/usr/bin/env bash
# Upgrade benchmark: 1,000 revisions, each one small CREATE TABLE, run three ways on one server:
#   floor-psql     psql -1 -f FILE, once per revision file (a connection and a transaction each)
#   floor-session  one psql session, BEGIN; \i FILE; COMMIT; per revision (no connection cost)
#   migrate        the engine's database layer (one transaction per revision, with its version
#                  row and history row), started as a fresh JVM like a build would
# Usage: bench/upgrade/run.sh [COUNT] [ROUNDS]     (PGHOST/PGPORT/PGUSER pick the server;
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

fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

declare -a P S M
for r in $(seq 1 "$ROUNDS"); do
  fresh bench_upgrade_psql; fresh bench_upgrade_session; fresh bench_upgrade_migrate
  t0=$(now)
  for f in "$WORK"/up/*.sql; do psql -q -X -v ON_ERROR_STOP=1 -1 -d bench_upgrade_psql -f "$f"; done
  t1=$(now)
  psql -q -X -v ON_ERROR_STOP=1 -d bench_upgrade_session -f "$WORK/session.sql"
  t2=$(now)
  java -cp "$WORK/classes:$CP" UpgradeBench "jdbc:postgresql://$PGHOST:$PGPORT/bench_upgrade_migrate" "$PGUSER" "$WORK/versions"
  t3=$(now)
  P+=("$(ms "$t0" "$t1")"); S+=("$(ms "$t1" "$t2")"); M+=("$(ms "$t2" "$t3")")
  echo "round $r: floor-psql $(ms "$t0" "$t1") ms, floor-session $(ms "$t1" "$t2") ms, migrate (whole JVM) $(ms "$t2" "$t3") ms"
  n=$(psql -tA -d bench_upgrade_migrate -c "SELECT count(*) FROM migrate_history")
  [ "$n" = "$COUNT" ] || { echo "expected $COUNT history rows, found $n" >&2; exit 1; }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${P[@]}"); msn=$(median "${S[@]}"); mm=$(median "${M[@]}")
echo "median of $ROUNDS: floor-psql $mp ms, floor-session $msn ms, migrate $mm ms"
awk -v m="$mm" -v p="$mp" -v s="$msn" 'BEGIN { printf "ratio migrate/floor-psql %.2f, migrate/floor-session %.2f\n", m/p, m/s }'
for db in bench_upgrade_psql bench_upgrade_session bench_upgrade_migrate; do psql -q -d postgres -c "DROP DATABASE IF EXISTS $db"; done
