-- Issue 12: exact counts and deep pages at a million links without reading them.
-- How many shares there are per (bucket, profile, method, tag set): a filter's count is a sum over a few hundred
-- rows. '' stands for no profile (environment credentials) and for no tags.
CREATE TABLE share_tally (
    bucket      VARCHAR(255)      NOT NULL,
    profile_key VARCHAR(256)      NOT NULL,
    method      VARCHAR(16)       NOT NULL,
    tags        CHARACTER VARYING NOT NULL,
    n           BIGINT            NOT NULL,
    PRIMARY KEY (bucket, profile_key, method, tags)
);

-- How many shares were created on each UTC day (days since 1970-01-01): where page N of the newest-first list
-- starts, without an OFFSET walk over the rows before it.
CREATE TABLE share_day (
    created_day INT PRIMARY KEY,
    n   BIGINT NOT NULL
);

INSERT INTO share_tally (bucket, profile_key, method, tags, n)
SELECT bucket, COALESCE(profile_name, ''), method, COALESCE(tags, ''), COUNT(*) FROM share
GROUP BY bucket, COALESCE(profile_name, ''), method, COALESCE(tags, '');

INSERT INTO share_day (created_day, n)
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 86400) AS INT), COUNT(*) FROM share
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 86400) AS INT);

-- Kept exact by every writer, in the writer's own transaction.
CREATE TRIGGER share_tally_insert AFTER INSERT ON share FOR EACH ROW CALL 'org.linkdesk.store.ShareTallyTrigger';
CREATE TRIGGER share_tally_delete AFTER DELETE ON share FOR EACH ROW CALL 'org.linkdesk.store.ShareTallyTrigger';
CREATE TRIGGER share_tally_update AFTER UPDATE ON share FOR EACH ROW CALL 'org.linkdesk.store.ShareTallyTrigger';
