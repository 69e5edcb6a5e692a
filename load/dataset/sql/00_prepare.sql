-- Phase 0: parameters, safety checks, and the indexes and constraints set aside for the bulk load
-- (every secondary index, unique constraint and foreign key of the shop tables; the primary keys
-- and the two exclusion constraints stay).
-- psql variables: seed, anchor (timestamptz), reset (0/1), customers, vehicles, appointments,
-- technicians, heavy, years, future_days, unassigned, messages.
\ir settings.sql

DO $$
BEGIN
    IF to_regclass('public.appointments') IS NULL OR to_regclass('public.messages') IS NULL
       OR to_regprocedure('public.uuid_v7()') IS NULL THEN
        RAISE EXCEPTION 'the schema is not migrated: start the service once (Flyway) or apply V1 and V2 with psql';
    END IF;
END $$;

-- A previous run that failed after setting the indexes aside left their definitions in
-- load_stage.saved_ddl: keep them (they are what must come back), drop everything else staged.
CREATE SCHEMA IF NOT EXISTS load_stage;
DO $$
DECLARE t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c
             WHERE c.relnamespace = 'load_stage'::regnamespace AND c.relkind IN ('r', 'u', 'p')
               AND c.relname <> 'saved_ddl' LOOP
        EXECUTE format('DROP TABLE load_stage.%I CASCADE', t.relname);
    END LOOP;
END $$;
DROP FUNCTION IF EXISTS load_stage.v7(timestamptz, bigint, bigint);

CREATE TABLE load_stage.params AS
SELECT :seed::bigint AS seed,
       :'anchor'::timestamptz AS anchor,
       (:'anchor'::timestamptz AT TIME ZONE 'UTC')::date AS anchor_date,
       :customers::int AS n_cust, :vehicles::int AS n_veh, :appointments::int AS n_appt,
       :technicians::int AS n_tech, :heavy::int AS n_heavy, :years::int AS years,
       :future_days::int AS future_days, :unassigned::float8 AS unassigned, :messages::int AS n_msg,
       0 AS today_wd, 0 AS last_wd;
ANALYZE load_stage.params;

DO $$
DECLARE p load_stage.params;
BEGIN
    SELECT * INTO p FROM load_stage.params;
    IF p.n_veh < p.n_cust + 10 * p.n_heavy THEN
        RAISE EXCEPTION 'need at least customers + 10 * heavy vehicles (every customer has one, heavy ones 11)';
    END IF;
    IF p.n_heavy > p.n_cust OR p.n_tech < 1 OR p.n_tech > 400 OR p.unassigned NOT BETWEEN 0 AND 1 THEN
        RAISE EXCEPTION 'bad parameters';
    END IF;
END $$;

-- Reset or refuse: the generator owns the domain tables of the target database.
\if :reset
TRUNCATE customers, customer_accounts, vehicles, technicians, appointments, appointment_services,
         payments, messages, audit_entries, idempotency_keys, rate_limit_counters;
\else
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM vehicles) OR EXISTS (SELECT 1 FROM technicians)
       OR EXISTS (SELECT 1 FROM appointments) OR EXISTS (SELECT 1 FROM payments) OR EXISTS (SELECT 1 FROM messages) THEN
        RAISE EXCEPTION 'the database already holds shop data: run with RESET=1 to truncate it first';
    END IF;
END $$;
\endif

-- Identifiers: UUID version 7, time-ordered like the service's own ids: the 48-bit Unix
-- milliseconds of the row's creation time, then 74 bits of hashint8extended(row number, salt), the
-- salt being derived from the seed and the table. The same seed and anchor give the same ids.
-- (STABLE, not IMMUTABLE, so that the planner inlines it: date_part on timestamptz is stable.)
CREATE FUNCTION load_stage.v7(ts timestamptz, salt bigint, n bigint) RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(int8send((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672 | (hashint8extended(n, salt) & 4095))
                || int8send((hashint8extended(n, salt + 1) & 4611686018427387903) | x'8000000000000000'::bigint),
                'hex')::uuid
$$;

-- The indexes and constraints set aside during the load, exactly as the migrations define them
CREATE TABLE IF NOT EXISTS load_stage.saved_ddl (ord int, kind text, tbl text, name text, ddl text);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM load_stage.saved_ddl) THEN
        INSERT INTO load_stage.saved_ddl
        -- plain and unique indexes that do not back a constraint
        SELECT CASE WHEN am.amname = 'btree' THEN 1 ELSE 2 END, 'index', t.relname, i.relname,
               pg_get_indexdef(x.indexrelid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam
        WHERE t.relnamespace = 'public'::regnamespace
          AND t.relname IN ('customers', 'customer_accounts', 'vehicles', 'technicians', 'appointments',
                            'appointment_services', 'payments', 'messages')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                          WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))
        UNION ALL
        -- unique constraints (3), then foreign keys (4), which need the keys they reference. The
        -- exclusion constraints stay: the appointments are checked against them as they are written.
        SELECT CASE k.contype WHEN 'f' THEN 4 ELSE 3 END,
               CASE k.contype WHEN 'f' THEN 'foreign key' ELSE 'unique' END,
               t.relname, k.conname,
               format('ALTER TABLE public.%I ADD CONSTRAINT %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        WHERE t.relnamespace = 'public'::regnamespace
          AND t.relname IN ('customers', 'customer_accounts', 'vehicles', 'technicians', 'appointments',
                            'appointment_services', 'payments', 'messages')
          AND k.contype IN ('u', 'f');
    END IF;
END $$;

-- Set them aside (those of a failed earlier run may already be gone)
DO $$
DECLARE d record;
BEGIN
    FOR d IN SELECT * FROM load_stage.saved_ddl ORDER BY ord DESC, tbl, name LOOP
        IF d.kind = 'index' THEN
            EXECUTE format('DROP INDEX IF EXISTS public.%I', d.name);
        ELSE
            EXECUTE format('ALTER TABLE public.%I DROP CONSTRAINT IF EXISTS %I', d.tbl, d.name);
        END IF;
    END LOOP;
END $$;

SELECT kind, count(*) AS set_aside FROM load_stage.saved_ddl GROUP BY kind ORDER BY kind;

-- Calendar: the shop works Monday to Saturday (and today, whatever day it is), from `years` years
-- before the anchor day to `future_days` days after it. wd numbers the working days.
CREATE UNLOGGED TABLE load_stage.days AS
SELECT (row_number() OVER (ORDER BY d) - 1)::int AS wd, d::date AS day
FROM load_stage.params p,
     generate_series((p.anchor_date - make_interval(years => p.years))::timestamp,
                     (p.anchor_date + p.future_days)::timestamp, interval '1 day') AS d
WHERE extract(isodow FROM d) <> 7 OR d::date = p.anchor_date;
ANALYZE load_stage.days;
CREATE UNIQUE INDEX ON load_stage.days (wd);
UPDATE load_stage.params
SET today_wd = (SELECT d.wd FROM load_stage.days d WHERE d.day = anchor_date),
    last_wd = (SELECT max(wd) FROM load_stage.days);
