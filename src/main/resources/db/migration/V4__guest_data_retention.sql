-- When a guest session's link ended by deletion, and when its guest's name and email were erased.
alter table guest_session add column link_ended_at timestamp with time zone;
alter table guest_session add column erased_at timestamp with time zone;
