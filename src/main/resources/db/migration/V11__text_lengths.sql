-- Length rules count characters (code points), but H2's varchar(n) counts UTF-16 units, in which a
-- character outside the Basic Multilingual Plane (an emoji) takes two: each typed column holds twice its rule.
alter table account alter column username set data type varchar(100);
alter table api_token alter column name set data type varchar(200);
alter table media alter column title set data type varchar(400);
alter table media alter column description set data type varchar(4000);
alter table media alter column source_url set data type varchar(4000);
alter table guest_link alter column name set data type varchar(200);
alter table guest_session alter column guest_name set data type varchar(200);
alter table guest_session alter column guest_email set data type varchar(508);
alter table caption alter column language set data type varchar(60);
alter table caption alter column label set data type varchar(200);
alter table audit_event alter column actor set data type varchar(240);
alter table audit_event alter column detail set data type varchar(1000);
