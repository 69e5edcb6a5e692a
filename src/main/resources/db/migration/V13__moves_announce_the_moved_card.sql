-- A move announces the card that moved, not the cards it shifted. A move keeps its columns dense by
-- shifting the cards after the card's old place up and those from its new place down: on a busy day a
-- move to the top shifts a few hundred, so the notification said "truncated" and every live board
-- reloaded. Those shifts follow from the moved card's old and new place (a board client takes the card
-- out of one list and inserts it into the other at its position), so they are left out: a row whose
-- only change is its position (same version, status, start and deletion) is a shift. A statement that
-- changed nothing but positions (no moved card to explain them) still says "truncated". The span
-- ('from', 'to') still covers every changed row.

CREATE OR REPLACE FUNCTION announce_appointment_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed json;
    payload text;
    touched bigint;
    listed bigint;
    first_start timestamptz;
    last_start timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM old_rows;
        listed := touched;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM new_rows;
        listed := touched;
    ELSE
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM new_rows;
        SELECT least(first_start, min(starts_at)), greatest(last_start, max(starts_at))
          INTO first_start, last_start FROM old_rows;
        SELECT count(*),
               json_agg(json_build_object('id', n.id, 'status', n.status, 'position', n.position,
                   'version', n.version, 'previousStatus', o.status, 'previousPosition', o.position,
                   'removed', n.deleted_at IS NOT NULL AND o.deleted_at IS NULL))
          INTO listed, changed
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE NOT (n.position <> o.position AND n.version = o.version AND n.status = o.status
                   AND n.starts_at = o.starts_at AND n.deleted_at IS NOT DISTINCT FROM o.deleted_at);
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    -- a bulk statement (an import, a migration) would not fit a payload anyway: say so, list nothing
    IF listed > 50 OR listed = 0 THEN
        PERFORM pg_notify('autoshop_events', json_build_object('kind', 'appointments', 'op', TG_OP, 'truncated', true,
            'from', iso(first_start), 'to', iso(last_start))::text);
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT json_agg(json_build_object('id', o.id, 'removed', true)) INTO changed FROM old_rows o;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT json_agg(json_build_object('id', n.id, 'status', n.status, 'position', n.position,
                   'version', n.version, 'created', true))
          INTO changed FROM new_rows n;
    END IF;
    payload := json_build_object('kind', 'appointments', 'op', TG_OP, 'rows', changed,
        'from', iso(first_start), 'to', iso(last_start))::text;
    IF octet_length(payload) > 7900 THEN
        payload := json_build_object('kind', 'appointments', 'op', TG_OP, 'truncated', true,
            'from', iso(first_start), 'to', iso(last_start))::text;
    END IF;
    PERFORM pg_notify('autoshop_events', payload);
    RETURN NULL;
END
$$;
