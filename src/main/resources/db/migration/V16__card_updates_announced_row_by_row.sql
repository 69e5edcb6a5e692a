-- An UPDATE of appointments announces each changed card from a row trigger instead of one statement
-- trigger over transition tables. A move to the top of a busy day's column shifts a few hundred cards:
-- the statement trigger had PostgreSQL keep every shifted row twice (old and new) and then joined the two
-- sets only to leave the shifts out again, about 1 ms of a 6..7 ms move (pgbench, one client, alternating).
-- The row trigger's WHEN clause leaves a shift (a row whose only change is its position: same version,
-- status, start and deletion) before anything is queued, so shifts cost nothing more than their write.
--
-- What changes for listeners:
-- - an announcement lists one card, with its old and new start as the span; the cards its move shifted
--   lie on the same shop days, which the service's board cache widens the span to (it knows the zone);
-- - a statement that changes positions alone (renumbering a column by hand) announces nothing: bump
--   the cards' versions to have boards reload them;
-- - a transaction that changes more than 50 cards (an import, a migration) announces the first 50 and
--   then one "truncated" without a span (every board reloads) instead of one announcement per card.
-- Inserts and deletes keep their statement triggers (V13, V14).

DROP TRIGGER appointments_announce_update ON appointments;

CREATE FUNCTION announce_card_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    announced int := coalesce(nullif(current_setting('autoshop.cards_announced', true), ''), '0')::int + 1;
BEGIN
    PERFORM set_config('autoshop.cards_announced', announced::text, true);
    IF announced <= 50 THEN
        PERFORM announce(json_build_object('kind', 'appointments', 'op', 'UPDATE',
            'rows', json_build_array(json_build_object('id', NEW.id, 'status', NEW.status, 'position', NEW.position,
                'version', NEW.version, 'previousStatus', OLD.status, 'previousPosition', OLD.position,
                'removed', NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL)),
            'from', iso(least(OLD.starts_at, NEW.starts_at)), 'to', iso(greatest(OLD.starts_at, NEW.starts_at)))::text);
    ELSIF announced = 51 THEN
        PERFORM announce(json_build_object('kind', 'appointments', 'op', 'UPDATE', 'truncated', true)::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER appointments_announce_update AFTER UPDATE ON appointments FOR EACH ROW
    WHEN (NOT (NEW.position <> OLD.position AND NEW.version = OLD.version AND NEW.status = OLD.status
               AND NEW.starts_at = OLD.starts_at AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at))
    EXECUTE FUNCTION announce_card_update();

-- V13's function without its UPDATE branch, for the insert and delete triggers
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
    ELSE
        SELECT count(*), min(starts_at), max(starts_at) INTO touched, first_start, last_start FROM new_rows;
    END IF;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    -- a bulk statement (an import, a migration) would not fit a payload anyway: say so, list nothing
    IF touched > 50 THEN
        PERFORM announce(json_build_object('kind', 'appointments', 'op', TG_OP, 'truncated', true,
            'from', iso(first_start), 'to', iso(last_start))::text);
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT json_agg(json_build_object('id', o.id, 'removed', true)) INTO changed FROM old_rows o;
    ELSE
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
    PERFORM announce(payload);
    RETURN NULL;
END
$$;
