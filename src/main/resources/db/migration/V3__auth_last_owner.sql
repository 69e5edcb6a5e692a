-- The shop keeps at least one active Owner, whoever writes to users (the API or an operator's SQL):
-- a statement that takes the last active Owner away fails with check_violation naming
-- users_one_active_owner. Two transactions that each remove a different Owner at the same time are
-- serialised by a transaction-scoped advisory lock; the check runs once the lock is granted, in a
-- new statement snapshot (READ COMMITTED, the service's level), so it sees what the other committed.
CREATE FUNCTION users_keep_an_active_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('users_one_active_owner'));
    IF NOT EXISTS (SELECT 1 FROM users WHERE role = 'Owner' AND active) THEN
        -- worded like PostgreSQL's own message so that drivers extract the constraint name from it
        RAISE EXCEPTION 'update or delete on "users" violates check constraint "users_one_active_owner"'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'users_one_active_owner',
                  DETAIL = 'The shop must keep at least one active Owner.';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_owner_removed AFTER UPDATE OF role, active ON users FOR EACH ROW
    WHEN (OLD.role = 'Owner' AND OLD.active AND NOT (NEW.role = 'Owner' AND NEW.active))
    EXECUTE FUNCTION users_keep_an_active_owner();

CREATE TRIGGER users_owner_deleted AFTER DELETE ON users FOR EACH ROW
    WHEN (OLD.role = 'Owner' AND OLD.active)
    EXECUTE FUNCTION users_keep_an_active_owner();
