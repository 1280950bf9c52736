-- How people from an LMS are treated: whether teaching assistants manage their own items and
-- guest links, as instructors do (off: they watch only, as learners do), and whether a guest link
-- made from a course that has an end must end with the course at the latest.
alter table site_settings add column lms_teaching_assistants boolean not null default false;
alter table site_settings add column lms_course_end_ceiling boolean not null default false;
