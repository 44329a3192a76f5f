-- The journal of mandate uses is append-only, like the audit log: a use, once recorded, is never edited or removed.
CREATE OR REPLACE FUNCTION mandate_uses_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mandate_uses is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mandate_uses_no_update_or_delete
  BEFORE UPDATE OR DELETE ON mandate_uses
  FOR EACH ROW EXECUTE FUNCTION mandate_uses_append_only();
--> statement-breakpoint
-- Followed people are found and compared for duplicates by their folded names, typos tolerated (pg_trgm, created
-- by 0005_places-search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "beneficiaries_search_name_trgm_idx" ON "beneficiaries" USING gin ("search_name" gin_trgm_ops);
