-- Issue 3: key enterprises' monthly vacancy reports (one per enterprise and month; refiling replaces it).
CREATE TABLE vacancy_reports (
    id              uuid PRIMARY KEY,
    employer_id     uuid        NOT NULL,
    region_code     text        NOT NULL,
    month           text        NOT NULL,
    lines           jsonb       NOT NULL,
    total_vacancies integer     NOT NULL,
    filed_at        timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (employer_id, month)
);
CREATE INDEX vacancy_reports_month_region ON vacancy_reports (month, region_code text_pattern_ops);
