-- Phase 7: check what the constraints cannot, compare the schema with the captured definitions,
-- print a summary, drop the staging schema.
\ir settings.sql
\pset footer off
-- nothing random here: parallel plans are fine
SET max_parallel_workers_per_gather = 2;

-- Every set-aside object is back, with the same definition
DO $$
DECLARE missing int;
BEGIN
    WITH now_ddl AS (
        SELECT pg_get_indexdef(x.indexrelid) AS ddl
        FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT format('ALTER TABLE public.%I ADD CONSTRAINT %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        WHERE t.relnamespace = 'public'::regnamespace AND k.convalidated
    )
    SELECT count(*) INTO missing FROM load_stage.saved_ddl s WHERE s.ddl NOT IN (SELECT ddl FROM now_ddl);
    IF missing > 0 THEN
        RAISE EXCEPTION '% set-aside indexes or constraints are missing or differ: run load.sh again (it resumes)', missing;
    END IF;
END $$;

-- Invariants the schema does not enforce by itself
CREATE TEMP TABLE violations AS
SELECT 'exclusion constraints missing' AS rule, 2 - count(*) AS n
FROM pg_constraint WHERE conrelid = 'public.appointments'::regclass AND contype = 'x' AND convalidated
UNION ALL
SELECT 'total_cents <> sum of line items', count(*)
FROM appointments a LEFT JOIN (SELECT appointment_id, sum(price_cents) s FROM appointment_services GROUP BY 1) s
     ON s.appointment_id = a.id
WHERE a.total_cents <> coalesce(s.s, 0)
UNION ALL
SELECT 'paid_cents <> sum of payments', count(*)
FROM appointments a LEFT JOIN (SELECT appointment_id, sum(amount_cents) s FROM payments GROUP BY 1) p
     ON p.appointment_id = a.id
WHERE a.paid_cents <> coalesce(p.s, 0)
UNION ALL
SELECT 'void does not reverse its payment', count(*)
FROM payments v JOIN payments o ON o.id = v.voids_payment_id
WHERE v.amount_cents <> -o.amount_cents OR v.appointment_id <> o.appointment_id OR v.created_at < o.created_at
UNION ALL
SELECT 'vehicle belongs to another customer', count(*)
FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id WHERE v.customer_id <> a.customer_id
UNION ALL
SELECT 'customer without a live primary vehicle', count(*)
FROM customers c WHERE NOT EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_id = c.id AND v.is_primary AND v.deleted_at IS NULL)
UNION ALL
SELECT 'timestamps do not fit the status', count(*)
FROM appointments
WHERE (status = 'COMPLETED') <> (completed_at IS NOT NULL)
   OR (status IN ('IN_PROGRESS', 'READY', 'COMPLETED')) <> (started_at IS NOT NULL AND check_in_at IS NOT NULL)
   OR (status = 'COMPLETED') <> (check_out_at IS NOT NULL)
   OR NOT (check_in_at <= started_at OR check_in_at IS NULL)
   OR NOT (started_at <= completed_at OR completed_at IS NULL)
   OR NOT (completed_at <= check_out_at OR check_out_at IS NULL)
   OR created_at > updated_at
UNION ALL
SELECT 'event after the anchor', count(*)
FROM appointments, load_stage.params p
WHERE greatest(check_in_at, started_at, completed_at, check_out_at, created_at) > p.anchor
   OR (status IN ('NO_SHOW', 'COMPLETED', 'READY') AND ends_at > p.anchor AND starts_at > p.anchor)
UNION ALL
SELECT 'created before its customer or vehicle', count(*)
FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id JOIN customers c ON c.id = a.customer_id
WHERE a.created_at < v.created_at OR v.created_at < c.created_at
UNION ALL
SELECT 'position not 0..n-1 within (status, day)', count(*)
FROM (SELECT status, starts_at::date, count(*) n, max(position) mx, count(DISTINCT position) d
      FROM appointments GROUP BY 1, 2) x
WHERE x.mx <> x.n - 1 OR x.d <> x.n
UNION ALL
SELECT 'text message to a customer who denied SMS', count(*)
FROM messages m JOIN appointments a ON a.id = m.appointment_id JOIN customers c ON c.id = a.customer_id
WHERE m.channel = 'sms' AND m.direction = 'out' AND c.sms_consent = 'denied'
UNION ALL
SELECT 'queued message already due', count(*)
FROM messages, load_stage.params p WHERE status = 'queued' AND next_attempt_at <= p.anchor;

SELECT rule, n FROM violations ORDER BY rule;
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM violations WHERE n > 0) THEN RAISE EXCEPTION 'the dataset breaks a rule (see above)'; END IF;
END $$;

\echo
\echo Rows
SELECT 'technicians' AS "table", count(*) AS rows FROM technicians
UNION ALL SELECT 'customers', count(*) FROM customers
UNION ALL SELECT 'customer_accounts', count(*) FROM customer_accounts
UNION ALL SELECT 'vehicles', count(*) FROM vehicles
UNION ALL SELECT 'appointments', count(*) FROM appointments
UNION ALL SELECT 'appointment_services', count(*) FROM appointment_services
UNION ALL SELECT 'payments', count(*) FROM payments
UNION ALL SELECT 'messages', count(*) FROM messages;

\echo Appointments
SELECT status, count(*) AS n,
       round(100.0 * count(*) FILTER (WHERE technician_id IS NULL) / count(*), 1) AS "unassigned %",
       to_char(min(starts_at), 'YYYY-MM-DD') AS first, to_char(max(starts_at), 'YYYY-MM-DD') AS last,
       count(*) FILTER (WHERE starts_at::date = p.anchor_date) AS today
FROM appointments, load_stage.params p GROUP BY status, p.anchor_date ORDER BY n DESC;

SELECT round(100.0 * count(*) FILTER (WHERE technician_id IS NULL) / count(*), 1) AS "unassigned % (all)",
       (SELECT count(*) FROM (SELECT customer_id FROM appointments GROUP BY 1 HAVING count(*) >= 200) h) AS "customers with >= 200",
       (SELECT max(n) FROM (SELECT count(*) n FROM appointments GROUP BY customer_id) x) AS "max per customer",
       round(count(*)::numeric / count(DISTINCT customer_id), 1) AS "avg per visiting customer",
       (SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.customer_id = c.id
                AND a.starts_at > p.anchor - interval '180 days' AND a.status NOT IN ('CANCELED', 'NO_SHOW'))) AS "no visit in 180 days"
FROM appointments, load_stage.params p GROUP BY p.anchor;

SELECT count(*) AS line_items, round(count(*)::numeric / (SELECT count(*) FROM appointments), 2) AS per_appointment,
       (SELECT count(*) FROM payments WHERE amount_cents < 0) AS voids,
       (SELECT count(*) FROM appointments WHERE status = 'COMPLETED' AND paid_cents < total_cents) AS completed_with_balance
FROM appointment_services;

SELECT channel, direction, status, count(*) FROM messages GROUP BY 1, 2, 3 ORDER BY 4 DESC;

SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS "size with indexes"
FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r';

DROP SCHEMA load_stage CASCADE;
