-- One profile per seeker account; the seeker id is the account's opaque id, which events use as the pseudonym.
-- Columns ending in _protected hold AES-GCM ciphertext (PersonalDataProtector), never plaintext.
CREATE TABLE profiles (
    seeker_id           uuid PRIMARY KEY,
    name_protected      text        NOT NULL,
    phone_protected     text,
    skills              text[]      NOT NULL DEFAULT '{}',
    region_code         text        NOT NULL,
    latitude            double precision,
    longitude           double precision,
    max_commute_km      integer,
    willing_to_relocate boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
