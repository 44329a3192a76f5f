DROP TABLE "activity_stat_deltas" CASCADE;--> statement-breakpoint
-- The counts of the records written since the last fold, under the old table's name and shape: what reports add to
-- the month documents (statistics.queries.ts, catalogue.queries.ts). Worked out at each read, for the few records of
-- the last minute (the fold job runs every minute).
CREATE VIEW "activity_stat_deltas" AS
  SELECT c.id, x.scope, x.scope_id, x.month, x.kind, x.counts
  FROM "activity_stat_changes" AS c
  CROSS JOIN LATERAL activity_stat_change_counts(c.record, c.sign) AS x;
