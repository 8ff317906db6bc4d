-- Issue 13: how links made with a profile reach people. A public endpoint (an S3-compatible server's custom domain)
-- that links are signed for directly, and/or a CloudFront distribution with the key pair id and the RSA private key
-- (PEM, encrypted by the vault, bound to the profile id) that sign CloudFront URLs.
CREATE TABLE profile_delivery (
    profile_id             BIGINT        NOT NULL PRIMARY KEY,
    public_endpoint        VARCHAR(1024),
    cloudfront_domain      VARCHAR(255),
    cloudfront_key_pair_id VARCHAR(64),
    cloudfront_key_enc     VARBINARY,
    CONSTRAINT profile_delivery_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id) ON DELETE CASCADE
);
