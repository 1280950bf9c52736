-- A live session may say when it starts and when it ends; guests outside that window are told so.
alter table media add column starts_at timestamp with time zone;
alter table media add column ends_at timestamp with time zone;
alter table media add constraint media_window_ck
    check (starts_at is null or ends_at is null or ends_at > starts_at);
