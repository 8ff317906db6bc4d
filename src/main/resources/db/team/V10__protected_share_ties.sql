-- Team mode: a protected link's History row reaches this database through the maker's outbox (possibly minutes
-- later, after an outage), while its protected share is written here at once. So the maker ties the share to the
-- row's client-made uid when it makes the share (same transaction), and the tie by history id
-- (protected_share_history, as in the personal store) is filled in when the row with that uid arrives.
CREATE TABLE protected_share_uid (
    history_uid UUID        PRIMARY KEY,
    share_id    VARCHAR(32) NOT NULL REFERENCES protected_share (id) ON DELETE CASCADE
);

CREATE INDEX protected_share_uid_share_idx ON protected_share_uid (share_id);

-- Per statement, over the rows it really inserted: a bulk import of a million history rows pays one join, not a
-- look-up per row; a row sent twice (ON CONFLICT (uid) DO NOTHING) is not among them the second time.
CREATE FUNCTION linkdesk_tie_protected_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO protected_share_history (history_id, share_id)
        SELECT n.id, t.share_id FROM inserted n JOIN protected_share_uid t ON t.history_uid = n.uid
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER share_ties_protected_rows AFTER INSERT ON share REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION linkdesk_tie_protected_rows();
