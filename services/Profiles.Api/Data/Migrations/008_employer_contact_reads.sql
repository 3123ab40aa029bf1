-- Issue 15, employers' reads of applicants' contact details in the seeker's audit log. An applicant row now knows
-- its posting (the batch card read checks every id against the posting the employer named), the posting's title and
-- the organisation's name as ApplicationSubmitted gave them (so the seeker reads "<organisation> read your contact
-- details for <job>"; rows from older messages have none and show the application only). An audit entry of an
-- employer's read names the application it was made for. Names of jobs and organisations are not personal data.
ALTER TABLE applicants
    ADD COLUMN posting_id    uuid,
    ADD COLUMN posting_title text,
    ADD COLUMN employer_name text;
CREATE INDEX applicants_posting ON applicants (posting_id);
ALTER TABLE audit_log ADD COLUMN application_id uuid;
