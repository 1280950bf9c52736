-- Whether teaching assistants from an LMS manage their own items and guest links, as
-- instructors do (off: they watch only, as learners do).
alter table site_settings add column lms_teaching_assistants boolean not null default false;
