-- The share id's identity sequence reserved 32 values at a time, and each reservation commits H2's system session
-- and writes the store: a batch of 10 000 links paid ≈ 300 extra store writes (a quarter of its time). Reserving
-- 4 096 at a time (one id block of the search postings) makes that 3. H2 writes the exact value back on a clean
-- close; after a crash the ids may jump by up to 4 096, which nothing relies on (ids only need to grow).
ALTER TABLE share ALTER COLUMN id SET CACHE 4096;
