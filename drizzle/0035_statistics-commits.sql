CREATE TABLE "activity_stat_commits" (
	"xid" "xid8" PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every statement that can move a figure or a name on a statistics page (the triggers of migration 0027) also notes
-- its transaction, once, unless the session says not to: PGlite sets relais.statistics_commits to off (one process,
-- its notifications suffice, src/db/client.ts).
CREATE OR REPLACE FUNCTION "notify_statistics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('activity_stats', '');
  IF current_setting('relais.statistics_commits', true) IS DISTINCT FROM 'off' THEN
    INSERT INTO activity_stat_commits (xid, at) VALUES (pg_current_xact_id(), clock_timestamp()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
