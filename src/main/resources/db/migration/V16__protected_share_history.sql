-- Issue 15: a protected link also appears in the History. This table ties the history row (share.id) to the
-- protected share it stands for; either side's deletion removes the tie.
CREATE TABLE protected_share_history (
    history_id BIGINT      PRIMARY KEY,
    share_id   VARCHAR(32) NOT NULL,
    CONSTRAINT protected_share_history_row_fk FOREIGN KEY (history_id) REFERENCES share (id) ON DELETE CASCADE,
    CONSTRAINT protected_share_history_share_fk FOREIGN KEY (share_id) REFERENCES protected_share (id)
        ON DELETE CASCADE
);

CREATE INDEX protected_share_history_share_idx ON protected_share_history (share_id);
