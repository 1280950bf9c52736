-- A live session's times are kept in the years 1970 to 9999 (LiveWindow says why). Earlier versions
-- stored any time the database took, and PostgreSQL took some that it cannot read back; such a time is
-- dropped, the session keeps its stream, and from now on the database refuses one as well.
update media set starts_at = null
 where starts_at < timestamp with time zone '1970-01-01 00:00:00+00'
    or starts_at > timestamp with time zone '9999-12-31 23:59:59.999999+00';
update media set ends_at = null
 where ends_at < timestamp with time zone '1970-01-01 00:00:00+00'
    or ends_at > timestamp with time zone '9999-12-31 23:59:59.999999+00';
alter table media add constraint media_window_years_ck
    check ((starts_at is null or starts_at between timestamp with time zone '1970-01-01 00:00:00+00'
                                              and timestamp with time zone '9999-12-31 23:59:59.999999+00')
       and (ends_at is null or ends_at between timestamp with time zone '1970-01-01 00:00:00+00'
                                           and timestamp with time zone '9999-12-31 23:59:59.999999+00'));
