-- Key groups as a lifecycle (docs/decisions/062): the facts a derivation rests on, sealed like the evidence sentence,
-- so the portal can word them in the reader's language; and a caseworker's rejection (who, when), which stands until
-- a caseworker corrects the group again.
ALTER TABLE key_groups
    ADD COLUMN facts_protected text,
    ADD COLUMN rejected_by     uuid,
    ADD COLUMN rejected_at     timestamptz;
