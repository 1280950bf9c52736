-- Buckets that have refilled completely expire (Bucket4j writes expires_at); a job deletes them.
create index rate_limit_bucket_expires_ix on rate_limit_bucket (expires_at);
