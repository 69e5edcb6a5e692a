#!/usr/bin/env bash
# What the service's database sessions are doing, ten times a second, until Ctrl-C: the time, how many
# are active, their wait events (cpu = running), any busy background process (a checkpointer
# writing, an autovacuum worker) and the relations sessions wait to extend (Lock:extend), each with
# its number of waiters. To find what a latency spike waited on (BENCHMARKS.md "Where the time goes"):
#   load/waits.sh postgresql://postgres@127.0.0.1:5433/autoshop_load > waits.log &
set -euo pipefail
URL=${1:-postgresql://postgres@127.0.0.1:5433/autoshop_load}
# exec: the caller's kill of this script's pid reaches psql (a child psql outlived it and kept sampling)
exec psql "$URL" -X -q <<'SQL'
\pset format unaligned
\pset tuples_only on
-- prepared once: planning the sample took as long as running it (0.7 ms each, ten times a second)
PREPARE waits AS
SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'),
       (SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND application_name = 'autoshop-service'),
       (SELECT string_agg(event || '=' || sessions, ',') FROM (
            SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu') AS event, count(*) AS sessions
            FROM pg_stat_activity WHERE state <> 'idle' AND application_name = 'autoshop-service' GROUP BY 1) waits),
       (SELECT string_agg(backend_type || ':' || coalesce(wait_event, 'cpu'), ',') FROM pg_stat_activity
        WHERE backend_type <> 'client backend'
          AND coalesce(wait_event, 'cpu') NOT IN ('AutoVacuumMain', 'BgWriterHibernate', 'BgWriterMain', 'WalWriterMain',
                                                  'CheckpointerMain', 'LogicalLauncherMain', 'ArchiverMain')),
       -- the relations that sessions wait to add a page to (Lock:extend names none)
       (SELECT string_agg(relation::regclass || '=' || waiting, ',') FROM (
            SELECT relation, count(*) AS waiting FROM pg_locks
            WHERE locktype = 'extend' AND NOT granted GROUP BY 1) extending);
EXECUTE waits \watch 0.1
SQL
