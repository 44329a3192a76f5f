CREATE TABLE "activity_stat_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_stat_state" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"folds" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "activity_stat_deltas_scope_idx" ON "activity_stat_deltas" USING btree ("scope","scope_id","month");--> statement-breakpoint
ALTER TABLE "activity_stat_state" ADD CONSTRAINT "activity_stat_state_one_row" CHECK ("singleton");
--> statement-breakpoint
INSERT INTO "activity_stat_state" ("singleton", "folds") VALUES (true, 0);
--> statement-breakpoint

-- A write now appends its contribution (one document per scope) to activity_stat_deltas instead of rewriting the
-- month documents: rewriting three documents of a few hundred keys was most of the cost of recording one activity.
-- The people counts (followed people only, a few rows) are still kept in place. See the statistics README.
CREATE OR REPLACE FUNCTION activity_stats_apply(a activities, sign integer)
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  m date := date_trunc('month', a.date)::date;
  doc jsonb;
  person uuid;
BEGIN
  SELECT jsonb_object_agg(r.dimension || '|' || r.value, jsonb_build_array(sign * r.records, sign * r.accompaniments)) INTO doc
  FROM activity_stat_rows(a) AS r;
  INSERT INTO activity_stat_deltas (scope, scope_id, month, kind, counts)
  SELECT sc.scope, sc.scope_id, m, a.kind, coalesce(doc, '{}'::jsonb) FROM activity_stat_scopes(a) AS sc;
  IF a.beneficiary_id IS NOT NULL THEN
    PERFORM activity_stats_person(a, a.beneficiary_id, sign);
  END IF;
  FOR person IN SELECT ap.beneficiary_id FROM activity_participants AS ap WHERE ap.activity_id = a.id LOOP
    PERFORM activity_stats_person(a, person, sign);
  END LOOP;
END
$$;
--> statement-breakpoint

-- Moves up to max_rows deltas, oldest first, into the month documents, in one transaction, one fold at a time (an
-- advisory lock: two processes on one PostgreSQL). A value whose records reach 0 leaves its document; an empty
-- document goes. Returns how many deltas were folded.
CREATE OR REPLACE FUNCTION activity_stats_fold(max_rows integer DEFAULT 20000)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(988002026);
  CREATE TEMP TABLE IF NOT EXISTS activity_stat_folding (scope text, scope_id uuid, month date, kind activity_kind, counts jsonb) ON COMMIT DELETE ROWS;
  WITH moved AS (
    DELETE FROM activity_stat_deltas
    WHERE id IN (SELECT d.id FROM activity_stat_deltas AS d ORDER BY d.id LIMIT max_rows)
    RETURNING scope, scope_id, month, kind, counts
  ), summed AS (
    SELECT m.scope, m.scope_id, m.month, m.kind, e.key, sum((e.value ->> 0)::integer) AS r, sum((e.value ->> 1)::integer) AS c
    FROM moved AS m CROSS JOIN LATERAL jsonb_each(m.counts) AS e
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO activity_stat_folding (scope, scope_id, month, kind, counts)
  SELECT s.scope, s.scope_id, s.month, s.kind, jsonb_object_agg(s.key, jsonb_build_array(s.r, s.c))
  FROM summed AS s
  GROUP BY 1, 2, 3, 4;
  GET DIAGNOSTICS folded = ROW_COUNT;
  IF folded = 0 THEN
    RETURN 0;
  END IF;
  UPDATE activity_stat_months AS s SET counts = activity_stat_counts_add(s.counts, f.counts)
  FROM activity_stat_folding AS f
  WHERE s.scope = f.scope AND s.scope_id = f.scope_id AND s.month = f.month AND s.kind = f.kind;
  INSERT INTO activity_stat_months AS s (scope, scope_id, month, kind, counts)
  SELECT f.scope, f.scope_id, f.month, f.kind, activity_stat_counts_add('{}'::jsonb, f.counts)
  FROM activity_stat_folding AS f
  WHERE NOT EXISTS (SELECT 1 FROM activity_stat_months AS x WHERE x.scope = f.scope AND x.scope_id = f.scope_id AND x.month = f.month AND x.kind = f.kind)
  ORDER BY 1, 2, 3, 4;
  DELETE FROM activity_stat_months AS s
  USING activity_stat_folding AS f
  WHERE s.scope = f.scope AND s.scope_id = f.scope_id AND s.month = f.month AND s.kind = f.kind AND s.counts = '{}'::jsonb;
  UPDATE activity_stat_state SET folds = folds + 1;
  DELETE FROM activity_stat_folding;
  RETURN folded;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_on_truncate()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_stat_months;
  DELETE FROM activity_stat_deltas;
  DELETE FROM activity_stats_people;
  UPDATE activity_stat_state SET folds = folds + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- A participant added or taken off changes only the people counts: an empty delta moves the version of the
-- statistics all the same, so that no cached report outlives the change.
CREATE OR REPLACE FUNCTION activity_stats_on_participant()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a activities;
BEGIN
  -- A participant deleted by the cascade of its record's deletion finds no record: the record took it off already.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT * INTO a FROM activities WHERE id = OLD.activity_id;
    IF FOUND THEN
      PERFORM activity_stats_person(a, OLD.beneficiary_id, -1);
      INSERT INTO activity_stat_deltas (scope, scope_id, month, kind, counts) VALUES ('network', '00000000-0000-0000-0000-000000000000', date_trunc('month', a.date)::date, a.kind, '{}'::jsonb);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO a FROM activities WHERE id = NEW.activity_id;
    IF FOUND THEN
      PERFORM activity_stats_person(a, NEW.beneficiary_id, 1);
      INSERT INTO activity_stat_deltas (scope, scope_id, month, kind, counts) VALUES ('network', '00000000-0000-0000-0000-000000000000', date_trunc('month', a.date)::date, a.kind, '{}'::jsonb);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_rebuild()
RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(988002026);
  DELETE FROM activity_stat_months;
  DELETE FROM activity_stat_deltas;
  DELETE FROM activity_stats_people;
  UPDATE activity_stat_state SET folds = folds + 1;
  INSERT INTO activity_stat_months (scope, scope_id, month, kind, counts)
  SELECT t.scope, t.scope_id, t.month, t.kind, jsonb_object_agg(t.dimension || '|' || t.value, jsonb_build_array(t.records, t.accompaniments))
  FROM (
    SELECT sc.scope, sc.scope_id, date_trunc('month', a.date)::date AS month, a.kind, r.dimension, r.value, sum(r.records)::integer AS records, sum(r.accompaniments)::integer AS accompaniments
    FROM activities AS a CROSS JOIN LATERAL activity_stat_rows(a) AS r CROSS JOIN LATERAL activity_stat_scopes(a) AS sc
    GROUP BY 1, 2, 3, 4, 5, 6
  ) AS t
  GROUP BY 1, 2, 3, 4;
  INSERT INTO activity_stats_people (scope, scope_id, month, kind, beneficiary_id, records)
  SELECT sc.scope, sc.scope_id, date_trunc('month', a.date)::date, a.kind, b.beneficiary_id, count(*)
  FROM activities AS a
  CROSS JOIN LATERAL (
    SELECT a.beneficiary_id WHERE a.beneficiary_id IS NOT NULL
    UNION ALL SELECT ap.beneficiary_id FROM activity_participants AS ap WHERE ap.activity_id = a.id
  ) AS b
  CROSS JOIN LATERAL activity_stat_scopes(a) AS sc
  GROUP BY 1, 2, 3, 4, 5;
$$;
