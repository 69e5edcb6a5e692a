-- Every committed change of appointments (and of payments, which move paid totals) is announced on
-- the channel autoshop_events, so each service instance can push it to its live-board clients and drop
-- cached figures, whichever instance (or tool) made the change. One notification per statement, listing
-- the rows it changed; a statement touching too many rows to fit a payload says so and clients reload.

CREATE FUNCTION announce_appointment_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed json;
    payload text;
    touched bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO touched FROM old_rows;
    ELSE
        SELECT count(*) INTO touched FROM new_rows;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    -- a bulk statement (an import, a migration) would not fit a payload anyway: say so, list nothing
    IF touched > 50 THEN
        PERFORM pg_notify('autoshop_events', json_build_object('kind', 'appointments', 'op', TG_OP, 'truncated', true)::text);
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
    payload := json_build_object('kind', 'appointments', 'op', TG_OP, 'rows', changed)::text;
    IF octet_length(payload) > 7900 THEN
        payload := json_build_object('kind', 'appointments', 'op', TG_OP, 'truncated', true)::text;
    END IF;
    PERFORM pg_notify('autoshop_events', payload);
    RETURN NULL;
END
$$;

CREATE TRIGGER appointments_announce_insert AFTER INSERT ON appointments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_appointment_changes();
CREATE TRIGGER appointments_announce_update AFTER UPDATE ON appointments
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_appointment_changes();
CREATE TRIGGER appointments_announce_delete AFTER DELETE ON appointments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_appointment_changes();

CREATE FUNCTION announce_payment_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('autoshop_events', json_build_object('kind', 'payments', 'op', TG_OP)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER payments_announce AFTER INSERT ON payments
    FOR EACH STATEMENT EXECUTE FUNCTION announce_payment_changes();

-- The board reads one shop day (or a few) per status column, ordered by position.
CREATE INDEX appointments_board ON appointments (starts_at, status, position) WHERE deleted_at IS NULL;
