-- Announcements leave the writing transaction through a relay. pg_notify() inside a transaction makes
-- its commit take a database-wide lock (so that notifications are queued in commit order) and hold it
-- through the commit's WAL flush: every notifying commit (each move and payment) waited for the one
-- before it, group commit could not batch their flushes, and when a checkpoint slowed the flushes the
-- moves and payments queued behind the lock until the pool refused requests (pg_stat_activity at
-- 1,000 users/s: up to ten statements waiting on Lock:object, one in IO:WALSync).
--
-- The triggers now queue each announcement in an unlogged table, in the writing transaction (so it is
-- relayed only if that commits), and each service instance relays the queue to NOTIFY every few tens
-- of milliseconds from its LISTEN connection, with synchronous_commit off: the lock is held only for a
-- moment, by the relay alone. Unlogged: the queue is lost in a crash, as notifications are; listeners
-- resynchronise after a reconnection anyway.

CREATE UNLOGGED TABLE pending_announcements (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload text NOT NULL
);

CREATE FUNCTION announce(payload text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO pending_announcements (payload) VALUES (payload)
$$;

-- Up to max_rows queued announcements, oldest first, sent as notifications on autoshop_events; rows
-- another instance is relaying are skipped. Answers how many were sent.
CREATE FUNCTION relay_announcements(max_rows int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    sent int := 0;
    queued record;
BEGIN
    FOR queued IN
        WITH claimed AS (
            DELETE FROM pending_announcements
            WHERE id IN (SELECT id FROM pending_announcements ORDER BY id LIMIT max_rows FOR UPDATE SKIP LOCKED)
            RETURNING id, payload
        )
        SELECT payload FROM claimed ORDER BY id
    LOOP
        PERFORM pg_notify('autoshop_events', queued.payload);
        sent := sent + 1;
    END LOOP;
    RETURN sent;
END
$$;

-- The trigger functions of V4, V10 and V13 as they stand, each pg_notify('autoshop_events', x) now announce(x).
DO $$
DECLARE
    trigger_function regproc;
BEGIN
    FOREACH trigger_function IN ARRAY ARRAY['announce_appointment_changes', 'announce_card_source_changes',
                                            'announce_payment_changes']::regproc[] LOOP
        EXECUTE replace(pg_get_functiondef(trigger_function), 'pg_notify(''autoshop_events'', ', 'announce(');
    END LOOP;
END
$$;
