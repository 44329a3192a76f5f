-- A token that changes with every write to places (or to communes, whose centres place the places without
-- coordinates): the public search keeps its results in memory per token (places.search.ts) and reads this one row
-- on each request, so that a result is never served after the data it came from changed. A random token rather
-- than a counter: a restored backup cannot bring an old number back with other data. Statement-level triggers: an
-- import of a thousand places changes it once.
CREATE TABLE IF NOT EXISTS "places_search_version" (
  "id" integer PRIMARY KEY,
  "token" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "places_search_version" ("id", "token") VALUES (1, gen_random_uuid()::text) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_places_search_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO places_search_version (id, token) VALUES (1, gen_random_uuid()::text)
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "places_search_version_places" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "places"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_places_search_version"();
--> statement-breakpoint
CREATE TRIGGER "places_search_version_communes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "communes"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_places_search_version"();
