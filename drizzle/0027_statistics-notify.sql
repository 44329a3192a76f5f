-- Announces every change that can alter a statistics page: NOTIFY activity_stats when a record or its participants
-- change, when the aggregates are folded or rebuilt (the state row counts the folds), and when the catalogue changes
-- (procedure names, partners and their names show on the page). A process that LISTENs (PGlite: the database lives
-- in the process) keeps computed reports in memory and drops them at once (src/modules/activities/statistics/
-- statistics.cache.ts). Statement-level: one notification per statement, whatever the number of rows.
CREATE OR REPLACE FUNCTION "notify_statistics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('activity_stats', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_activities" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "activities"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_participants" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "activity_participants"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_state" AFTER UPDATE ON "activity_stat_state"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_procedures" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "procedures"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_organisations" AFTER UPDATE OF "name" OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
