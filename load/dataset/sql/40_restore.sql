-- Phases 4 and 5: put back the indexes and constraints set aside in phase 0, exactly as captured.
-- Building a unique index or adding a foreign key checks every row: the data is valid or this fails.
-- psql variable `group`: all | people | appointments | services_payments | messages | keys
-- (load.sh builds two groups at a time, one per session; the foreign keys last).
\ir settings.sql
SET maintenance_work_mem = '2GB';
SET max_parallel_maintenance_workers = 0;  -- two sessions already use both cores
SET client_min_messages = notice;

CREATE TEMP TABLE todo AS
SELECT * FROM load_stage.saved_ddl
WHERE :'group' = 'all'
   OR (:'group' = 'keys' AND ord = 4)
   OR (ord < 4 AND (   (:'group' = 'people' AND tbl IN ('customers', 'vehicles', 'technicians', 'customer_accounts'))
                    OR (:'group' = 'appointments' AND tbl = 'appointments')
                    OR (:'group' = 'services_payments' AND tbl IN ('appointment_services', 'payments'))
                    OR (:'group' = 'messages' AND tbl = 'messages')));

DO $$
DECLARE
    d record;
    t0 timestamptz;
BEGIN
    FOR d IN SELECT * FROM todo ORDER BY ord, tbl, name LOOP
        IF (d.kind = 'index' AND to_regclass('public.' || quote_ident(d.name)) IS NOT NULL)
           OR (d.kind <> 'index' AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = d.name
                                             AND k.conrelid = ('public.' || quote_ident(d.tbl))::regclass)) THEN
            CONTINUE;  -- already back (an earlier run got this far)
        END IF;
        t0 := clock_timestamp();
        EXECUTE d.ddl;
        RAISE NOTICE '%', format('  %-11s %-32s %-22s %s s', d.kind, d.name, d.tbl,
                                 to_char(extract(epoch FROM clock_timestamp() - t0), 'FM9990.0'));
        COMMIT;
    END LOOP;
END $$;
