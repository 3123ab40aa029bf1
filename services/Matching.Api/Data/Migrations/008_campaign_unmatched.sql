-- The eligible seekers a campaign found no match for, and why (docs/decisions/062): counted in seekers_total before,
-- now listed so the caseworker can call them. Ids and a reason code only; names come from the register, audited.
CREATE TABLE campaign_unmatched (
    campaign_id uuid NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    seeker_id   uuid NOT NULL,
    reason      text NOT NULL,
    PRIMARY KEY (campaign_id, seeker_id)
);
CREATE INDEX campaign_unmatched_seeker ON campaign_unmatched (seeker_id);
