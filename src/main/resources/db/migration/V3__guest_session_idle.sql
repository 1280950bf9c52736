-- When a guest last loaded their page, for the idle lifetime of guest sessions.
alter table guest_session add column last_seen_at timestamp with time zone;
