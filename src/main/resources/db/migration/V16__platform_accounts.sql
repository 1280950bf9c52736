-- People who come from an LMS (LTI 1.3): their GuestPass account, found again by the platform's
-- issuer, GuestPass's client id there and their id on it (sub), kept apart from any local account of the same email, with
-- the name and email the platform shared at their latest launch. Such an account has no
-- password anyone knows: it is signed in only by a verified launch.
create table account_identity (
    identity_hash  varchar(64)   not null primary key,
    issuer         varchar(4000) not null,
    client_id      varchar(510)  not null,
    subject        varchar(510)  not null,
    account_id     bigint        not null references account (id) on delete cascade,
    display_name   varchar(400),
    email          varchar(508),
    created_at     timestamp with time zone not null,
    last_launch_at timestamp with time zone not null,
    constraint account_identity_account_uk unique (account_id)
);
