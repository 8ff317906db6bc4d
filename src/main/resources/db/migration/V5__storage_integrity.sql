-- Issue 10: the database's identity and how many changes were committed to it, compared on every open with the
-- record kept next to the file (linkdesk.state), so a file cut short or rolled back is noticed.
CREATE TABLE store_integrity (
    id          INT PRIMARY KEY CHECK (id = 1),
    database_id VARCHAR(64) NOT NULL,
    commits     BIGINT      NOT NULL
);

