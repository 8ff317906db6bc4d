-- Issue 3: profiles by reference to an AWS CLI profile (no secret stored), a provider preset, where the secret is
-- kept (the vault or the OS keychain), and the region each bucket was found to be in.
ALTER TABLE profile ADD COLUMN aws_profile VARCHAR(256);
ALTER TABLE profile ADD COLUMN provider VARCHAR(32);
ALTER TABLE profile ADD COLUMN secret_store VARCHAR(16) DEFAULT 'VAULT' NOT NULL;
ALTER TABLE profile ALTER COLUMN access_key_id SET NULL;

CREATE TABLE bucket_region (
    profile_id BIGINT       NOT NULL,
    bucket     VARCHAR(255) NOT NULL,
    region     VARCHAR(64)  NOT NULL,
    found_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (profile_id, bucket),
    CONSTRAINT bucket_region_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id) ON DELETE CASCADE
);
