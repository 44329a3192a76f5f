-- The token of migration 0009 is now also announced: NOTIFY places_search_version with the new token, delivered
-- when the writing transaction commits. A process that LISTENs (PGlite, where the database lives in the process)
-- knows the data changed without reading the token on every request (docs/decisions/0005-places-cache-by-notify.md).
-- The Case numérique label shows on the cards of /lieux and in the extended export: its applications change the
-- token too.
CREATE OR REPLACE FUNCTION "bump_places_search_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_token text := gen_random_uuid()::text;
BEGIN
  INSERT INTO places_search_version (id, token) VALUES (1, next_token)
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
  PERFORM pg_notify('places_search_version', next_token);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "places_search_version_label_applications" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "label_applications"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_places_search_version"();
