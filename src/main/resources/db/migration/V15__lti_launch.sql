-- LTI 1.3 launches: a login's single-use state (kept by its hash) with the nonce sent to the
-- platform, the target link asked for, the browser that asked and when a launch used it; and
-- every nonce a launch used, so that no id_token is accepted twice on any node.
create table lti_login (
    state_hash      varchar(64)   not null primary key,
    platform_id     bigint        not null references lti_platform (id) on delete cascade,
    nonce           varchar(64)   not null,
    target_link_uri varchar(4000) not null,
    browser_hash    varchar(64)   not null,
    created_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);
create index lti_login_created_ix on lti_login (created_at);

create table lti_nonce (
    platform_id bigint       not null references lti_platform (id) on delete cascade,
    nonce       varchar(255) not null,
    expires_at  timestamp with time zone not null,
    constraint lti_nonce_pk primary key (platform_id, nonce)
);
create index lti_nonce_expires_ix on lti_nonce (expires_at);
