-- Buckets a user bookmarked per profile, for credentials that may not list buckets (issue 4).
CREATE TABLE bucket_bookmark (
    profile_id BIGINT       NOT NULL,
    bucket     VARCHAR(255) NOT NULL,
    created_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT bucket_bookmark_pk PRIMARY KEY (profile_id, bucket),
    CONSTRAINT bucket_bookmark_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id) ON DELETE CASCADE
);
