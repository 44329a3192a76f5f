-- Announces every change that can alter a statistics page: NOTIFY activity_stats when a record or its participants
-- change, when the aggregates are folded or rebuilt (the state row counts the folds), when the catalogue changes
-- (procedure names, partners and their names show on the page), and when a team or its members change (a team's
-- statistics count each member's records while they belonged to it). A process that LISTENs (PGlite: the database lives
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
CREATE TRIGGER "activity_stats_notify_organisations" AFTER INSERT OR UPDATE OF "name", "kind" OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_teams" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
--> statement-breakpoint
CREATE TRIGGER "activity_stats_notify_team_memberships" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "team_memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_statistics_changed"();
