-- The poster image of a video, one per item: a JPEG in media storage, re-encoded from the upload.
create table poster (
    media_id     bigint      not null primary key references media (id),
    file_key     varchar(64) not null,
    content_type varchar(50) not null,
    size_bytes   bigint      not null,
    width        integer     not null,
    height       integer     not null,
    updated_at   timestamp with time zone not null
);
