-- Issue 5: history details, object checks, renewals, search index.
ALTER TABLE share ADD COLUMN recipient CHARACTER VARYING;
-- Tags as ",tag one,tag two," (lower-cased, sorted) so a tag filter is one LIKE '%,tag,%'.
ALTER TABLE share ADD COLUMN tags CHARACTER VARYING;
-- The object's ETag when the link was made (or at the first check), and what the last check found.
ALTER TABLE share ADD COLUMN recorded_etag VARCHAR(256);
ALTER TABLE share ADD COLUMN object_state VARCHAR(16) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE share ADD COLUMN checked_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE share ADD COLUMN check_detail CHARACTER VARYING;
-- A renewal points at the share it renewed.
ALTER TABLE share ADD COLUMN renewed_from BIGINT;

-- Each sortable column has an index led by it, so a sorted page stops after the rows it shows.
CREATE INDEX share_expires_idx ON share (expires_at, id);
CREATE INDEX share_profile_created_idx ON share (profile_name, created_at, id);
CREATE INDEX share_method_created_idx ON share (method, created_at, id);
CREATE INDEX share_state_expires_idx ON share (object_state, expires_at, id);
CREATE INDEX share_key_idx ON share (object_key, id);
CREATE INDEX share_note_idx ON share (note, id);
CREATE INDEX share_recipient_idx ON share (recipient, id);
CREATE INDEX share_tags_idx ON share (tags, id);
CREATE INDEX share_renewed_from_idx ON share (renewed_from);

-- Substring search: for each trigram of the lower-cased key, bucket, note and recipient, the share ids that
-- contain it, in blocks of 4096 ids (block = id / 4096), as delta-encoded varints. Postings are only ever
-- added: a query verifies its candidates, so a posting left behind by an edit or a delete costs nothing.
CREATE TABLE share_trigram (
    trigram  BIGINT    NOT NULL,
    block    INT       NOT NULL,
    postings VARBINARY NOT NULL,
    PRIMARY KEY (trigram, block)
);

-- The newest creation time in each block of 4096 share ids: a search walking the newest ids first knows when no
-- older block can hold a newer match, even after imports of old links.
CREATE TABLE share_block (
    block       INT PRIMARY KEY,
    max_created TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
