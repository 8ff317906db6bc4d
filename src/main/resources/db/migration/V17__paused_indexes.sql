-- Issue 10: a large history import builds the share table's secondary indexes in bulk after its commit instead of
-- row by row (random inserts rewrote index pages at every store: the file peaked at 23x the imported CSV). While
-- an index is dropped its definition waits here; every open re-creates what a killed import left behind.
CREATE TABLE paused_index (
    index_name VARCHAR(256)  PRIMARY KEY,
    definition VARCHAR(8192) NOT NULL
);
