#!/usr/bin/env bash
# Load-test dataset: a realistic shop at scale, generated inside PostgreSQL (set-wise SQL, no
# row-by-row traffic), repeatable from a seed. See README.md.
#
#   load.sh DATABASE_URL SEED [ANCHOR]
#   load.sh postgresql://postgres@127.0.0.1:5432/autoshop_load 42
#
# DATABASE_URL  a libpq URL of a database whose schema is already migrated (V1, V2)
# SEED          an integer: the same seed and anchor give the same rows, ids included
# ANCHOR        "now" for the dataset (timestamptz, default: the current hour, UTC)
#
# Environment: RESET=1 truncates the shop tables first (otherwise they must be empty);
# CUSTOMERS VEHICLES APPOINTMENTS TECHNICIANS HEAVY YEARS FUTURE_DAYS UNASSIGNED MESSAGES
# change the sizes (defaults below). Uses two database sessions at a time (one per core).
set -euo pipefail

usage() { sed -n '5,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 2 && $# -le 3 ]] || usage
URL=$1
SEED=$2
ANCHOR=${3:-$(date -u +%Y-%m-%dT%H:00:00Z)}
[[ $SEED =~ ^-?[0-9]{1,12}$ ]] || { echo "SEED must be an integer" >&2; exit 2; }

CUSTOMERS=${CUSTOMERS:-100000}
VEHICLES=${VEHICLES:-150000}
APPOINTMENTS=${APPOINTMENTS:-1000000}
TECHNICIANS=${TECHNICIANS:-40}
HEAVY=${HEAVY:-50}
YEARS=${YEARS:-15}
FUTURE_DAYS=${FUTURE_DAYS:-28}
UNASSIGNED=${UNASSIGNED:-0.30}
MESSAGES=${MESSAGES:-1000000}
RESET=${RESET:-0}

SQL=$(cd "$(dirname "$0")" && pwd)/sql
PSQL=(psql "$URL" -X -q -v ON_ERROR_STOP=1 -P pager=off)
# psql prefixes server notices with "psql:FILE:LINE: NOTICE:"; keep the message only
quiet_notices() { sed -u -E 's/^psql:[^ ]+ NOTICE: +/   /'; }

START=$(date +%s.%N)
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%7.1f", b - a }'; }
phase() {  # phase "label" command...
    local label=$1 t0
    shift
    t0=$(date +%s.%N)
    echo "== $label"
    "$@"
    printf '   %-34s %s s   (total %s s)\n' "$label" "$(elapsed "$t0")" "$(elapsed "$START")"
}

both() {  # both "command A" "command B": run two psql sessions at once (one per core), fail if either fails
    local rc=0 a b
    eval "$1" &
    a=$!
    eval "$2" &
    b=$!
    wait $a || rc=$?
    wait $b || rc=$?
    return $rc
}
run() {  # run FILE [psql options...]
    local file=$1
    shift
    "${PSQL[@]}" "$@" -f "$SQL/$file" 2> >(quiet_notices >&2)
}

echo "seed $SEED, anchor $ANCHOR: $CUSTOMERS customers, $VEHICLES vehicles, $APPOINTMENTS appointments"
phase "prepare: set indexes aside" run 00_prepare.sql -v seed="$SEED" -v anchor="$ANCHOR" -v reset="$RESET" \
    -v customers="$CUSTOMERS" -v vehicles="$VEHICLES" -v appointments="$APPOINTMENTS" -v technicians="$TECHNICIANS" \
    -v heavy="$HEAVY" -v years="$YEARS" -v future_days="$FUTURE_DAYS" -v unassigned="$UNASSIGNED" -v messages="$MESSAGES"
phase "customers, vehicles, technicians" run 10_base.sql
phase "stage appointments | people indexes" both "run 20_stage_appointments.sql" "run 40_restore.sql -v group=people"
phase "stage money | messages" both "run 22_stage_money.sql" "run 30_messages.sql"
phase "appointments (2 sessions)" both "run 25_insert_appointments.sql -v parts=2 -v part=0" \
                                       "run 25_insert_appointments.sql -v parts=2 -v part=1"
phase "items, payments | appointment indexes" both "run 35_items_payments.sql" "run 40_restore.sql -v group=appointments"
phase "item, payment, message indexes" both "run 40_restore.sql -v group=services_payments" \
                                            "run 40_restore.sql -v group=messages"
phase "foreign keys" run 40_restore.sql -v group=keys
# every table, not only the loaded ones, so that each benchmark starts from the same state (visibility
# maps, hint bits and statistics everywhere) instead of racing autovacuum
phase "vacuum analyze" vacuumdb -d "$URL" -q -j 2 --analyze
phase "checks" run 50_check.sql
echo "done in $(elapsed "$START") s"
