-- Token buckets of the rate limits, shared by every node (Bucket4j's PostgreSQL layout). The
-- embedded default keeps its buckets in memory and leaves this table empty.
create table rate_limit_bucket (
    id         varchar(200) not null primary key,
    state      bytea,
    expires_at bigint
);
