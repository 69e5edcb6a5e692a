-- Phase 3: the appointments, in two sessions at once (psql variables part = 0 or 1, parts = 2).
-- The two exclusion constraints stay in place during the load: every row is checked as it is
-- written, and the GiST work is shared by both cores (faster here than rebuilding them after).
\ir settings.sql
-- Statement triggers that announce inserts to live-board clients (V4: a JSON of every inserted row
-- per statement) serve nobody during a load: skip them when the role may (superuser). Constraints
-- and indexes are enforced either way.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        SET session_replication_role = replica;
    END IF;
END $$;

-- The appointments themselves, in id (= creation time) order
INSERT INTO appointments (id, customer_id, vehicle_id, technician_id, status, starts_at, ends_at, title, notes, position,
                          total_cents, paid_cents, check_in_at, check_out_at, started_at, completed_at,
                          created_at, updated_at, version)
SELECT a.id, a.customer_id, a.vehicle_id, a.technician_id, a.status, a.starts_at, a.ends_at, a.title, a.notes, a.position,
       coalesce(t.total, 0), coalesce(pd.paid, 0), a.check_in_at, a.check_out_at, a.started_at, a.completed_at,
       a.created_at,
       greatest(a.created_at, a.check_in_at, a.started_at, a.completed_at, a.check_out_at, a.closed_at, pd.last_at),
       a.version + coalesce(pd.n, 0)
FROM load_stage.appt a
LEFT JOIN load_stage.appt_total t ON t.an = a.an
LEFT JOIN load_stage.appt_paid pd ON pd.an = a.an
WHERE a.an % :parts = :part
ORDER BY a.id;
