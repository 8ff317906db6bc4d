-- Live refresh of the team history (issue 16): every statement that adds, edits or deletes history rows notifies
-- channel linkdesk_history once, with "INSERT:", "UPDATE:" or "DELETE:" and the ids it touched (comma-separated),
-- or "*" instead of the ids when there are more than 200 (a bulk load or a purge: listeners reload). Statement-level
-- with transition tables, so a COPY of a million rows sends one notification, not a million. Notifications are sent
-- at commit, and never for a rolled-back statement.
CREATE FUNCTION linkdesk_history_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched BIGINT;
    ids TEXT;
BEGIN
    SELECT count(*) INTO touched FROM changed;
    IF touched = 0 THEN
        RETURN NULL;
    END IF;
    IF touched > 200 THEN
        ids := '*';
    ELSE
        SELECT string_agg(id::text, ',' ORDER BY id) INTO ids FROM changed;
    END IF;
    PERFORM pg_notify('linkdesk_history', TG_OP || ':' || ids);
    RETURN NULL;
END;
$$;

CREATE TRIGGER share_inserted_notify AFTER INSERT ON share REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION linkdesk_history_notify();
CREATE TRIGGER share_updated_notify AFTER UPDATE ON share REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION linkdesk_history_notify();
CREATE TRIGGER share_deleted_notify AFTER DELETE ON share REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION linkdesk_history_notify();

-- The History's sorts by key, method and status, which the V1 indexes do not serve: without these a first page
-- sorted that way sorts the whole table. One direction each: PostgreSQL reads them backwards for the other.
CREATE INDEX share_object_key_idx ON share (object_key, id);
CREATE INDEX share_method_created_idx ON share (method, created_at, id);
CREATE INDEX share_state_expires_idx ON share (object_state, expires_at, id);
