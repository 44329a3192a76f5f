-- Word search on places tolerates typos through trigram similarity (pg_trgm: in PostgreSQL's contrib, trusted
-- since PostgreSQL 13; PGlite loads it as an extension). search_text is already lower-case and accent-free.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "places_search_text_trgm_idx" ON "places" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- Results without a commune are listed by name: search_text starts with the folded name.
CREATE INDEX IF NOT EXISTS "places_search_text_idx" ON "places" ("search_text", "id");
