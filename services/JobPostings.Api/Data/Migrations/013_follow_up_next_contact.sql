-- Issue 16: a follow-up visit names when the caseworker means to get in touch again (跟踪回访's next date).
ALTER TABLE follow_ups ADD COLUMN next_contact_on date;
