-- When the files of a deleted media item were removed from storage.
alter table media add column files_removed_at timestamp with time zone;
