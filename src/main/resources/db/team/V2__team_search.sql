-- Substring search of the team history with pg_trgm (a trusted extension since PostgreSQL 13: the database owner may
-- create it). One lower-cased text per row covers key, bucket, note, recipient and maker; a GIN trigram index answers
-- LIKE '%word%' on it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE share ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(object_key || ' ' || bucket || ' ' || coalesce(note, '') || ' ' || coalesce(recipient, '') || ' '
          || made_by)) STORED;

CREATE INDEX share_search_trgm_idx ON share USING gin (search_text gin_trgm_ops);
