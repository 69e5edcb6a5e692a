-- Board caches (one per service instance) drop only the boards a change can reach: every notification
-- of appointment changes now carries the span of the changed rows' start times, before and after the
-- change ('from' and 'to', inclusive), also when it lists no rows because there were too many. Changes
-- to what a board card shows from other tables (customer name, vehicle, technician initials) are
-- announced as kind 'cards'. (A change of services or payments also updates its appointment's totals,
-- so it is announced as an appointment change.)

CREATE OR REPLACE FUNCTION announce_appointment_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed json;
    payload text;
    touched bigint;
    first_start timestamptz;
    last_start timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM old_rows;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM new_rows;
    ELSE
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM new_rows;
        SELECT least(first_start, min(starts_at)), greatest(last_start, max(starts_at))
          INTO first_start, last_start FROM old_rows;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    -- a bulk statement (an import, a migration) would not fit a payload anyway: say so, list nothing
    IF touched > 50 THEN
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
    ELSE
        SELECT json_agg(json_build_object('id', n.id, 'status', n.status, 'position', n.position,
                   'version', n.version, 'previousStatus', o.status, 'previousPosition', o.position,
                   'removed', n.deleted_at IS NOT NULL AND o.deleted_at IS NULL))
          INTO changed FROM new_rows n JOIN old_rows o ON o.id = n.id;
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

-- A customer's name, a vehicle's label or plate, a technician's initials: any board may show them.
CREATE FUNCTION announce_card_source_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('autoshop_events', json_build_object('kind', 'cards', 'table', TG_TABLE_NAME)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER customers_announce AFTER UPDATE OF name, deleted_at ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION announce_card_source_changes();
CREATE TRIGGER vehicles_announce AFTER UPDATE OF year, make, model, trim, license_plate, deleted_at ON vehicles
    FOR EACH STATEMENT EXECUTE FUNCTION announce_card_source_changes();
CREATE TRIGGER technicians_announce AFTER UPDATE OF initials ON technicians
    FOR EACH STATEMENT EXECUTE FUNCTION announce_card_source_changes();
