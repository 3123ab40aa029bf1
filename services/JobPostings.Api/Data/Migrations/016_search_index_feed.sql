-- Issue 17: the change feed of the in-process search index (Search/SearchIndexFeed.cs, docs/decisions/064). Every write
-- to a posting, by any statement, stamps the row with its transaction's id; the feed reads rows stamped at or after the
-- oldest transaction that was still running when it last looked (pg_snapshot_xmin), so a write that commits late is
-- never skipped (an updated_at or sequence watermark would skip it), as matching's candidate index does (its 003).
ALTER TABLE postings ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX postings_written_by ON postings (written_by);

CREATE FUNCTION postings_stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER postings_stamp_writer BEFORE INSERT OR UPDATE ON postings FOR EACH ROW EXECUTE FUNCTION postings_stamp_writer();
