-- An admin can disable an account: while disabled_at is set it cannot sign in and its API tokens
-- are refused; enabling it again clears the column.
alter table account add column disabled_at timestamp with time zone;
