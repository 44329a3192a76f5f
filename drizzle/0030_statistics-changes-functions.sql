-- A write now appends the record itself (one row, to_jsonb) to activity_stat_changes instead of its counts per scope
-- to activity_stat_deltas: working out the counts in the trigger was most of what recording one activity cost on the
-- embedded database. The fold works them out for many records at once; until then, the view of migration 0031 does,
-- for the few records written since the last fold. The people counts (followed people only) are still kept in place.
-- See src/modules/activities/statistics/README.md.

-- What is still in the deltas goes into the month documents first, all at once (the fold of migration 0026 picks
-- its rows with a plan that rescans the table per row: hours for the deltas of a day without the fold job).
CREATE TEMP TABLE activity_stat_folding_0030 AS
  SELECT t.scope, t.scope_id, t.month, t.kind, jsonb_object_agg(t.key, jsonb_build_array(t.r, t.c)) AS counts
  FROM (
    SELECT d.scope, d.scope_id, d.month, d.kind, e.key, sum((e.value ->> 0)::integer) AS r, sum((e.value ->> 1)::integer) AS c
    FROM activity_stat_deltas AS d CROSS JOIN LATERAL jsonb_each(d.counts) AS e
    GROUP BY 1, 2, 3, 4, 5
  ) AS t
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
UPDATE activity_stat_months AS s SET counts = activity_stat_counts_add(s.counts, f.counts)
FROM activity_stat_folding_0030 AS f
WHERE s.scope = f.scope AND s.scope_id = f.scope_id AND s.month = f.month AND s.kind = f.kind;
--> statement-breakpoint
INSERT INTO activity_stat_months AS s (scope, scope_id, month, kind, counts)
SELECT f.scope, f.scope_id, f.month, f.kind, activity_stat_counts_add('{}'::jsonb, f.counts)
FROM activity_stat_folding_0030 AS f
WHERE NOT EXISTS (SELECT 1 FROM activity_stat_months AS x WHERE x.scope = f.scope AND x.scope_id = f.scope_id AND x.month = f.month AND x.kind = f.kind);
--> statement-breakpoint
DELETE FROM activity_stat_months WHERE counts = '{}'::jsonb;
--> statement-breakpoint
DELETE FROM activity_stat_deltas;
--> statement-breakpoint
DROP TABLE activity_stat_folding_0030;
--> statement-breakpoint
UPDATE activity_stat_state SET folds = folds + 1;
--> statement-breakpoint

-- The counts one written record (as to_jsonb gave it) adds (sign 1) or takes away (sign -1): one document per scope.
CREATE OR REPLACE FUNCTION activity_stat_change_counts(record jsonb, sign integer)
RETURNS TABLE (scope text, scope_id uuid, month date, kind activity_kind, counts jsonb)
LANGUAGE sql STABLE AS $$
  SELECT sc.scope, sc.scope_id, date_trunc('month', a.date)::date, a.kind,
         coalesce((SELECT jsonb_object_agg(r.dimension || '|' || r.value, jsonb_build_array(sign * r.records, sign * r.accompaniments)) FROM activity_stat_rows(a) AS r), '{}'::jsonb)
  FROM jsonb_populate_record(NULL::activities, record) AS a
  CROSS JOIN LATERAL activity_stat_scopes(a) AS sc
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_apply(a activities, sign integer)
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  person uuid;
BEGIN
  INSERT INTO activity_stat_changes (sign, record) VALUES (sign, to_jsonb(a));
  IF a.beneficiary_id IS NOT NULL THEN
    PERFORM activity_stats_person(a, a.beneficiary_id, sign);
  END IF;
  FOR person IN SELECT ap.beneficiary_id FROM activity_participants AS ap WHERE ap.activity_id = a.id LOOP
    PERFORM activity_stats_person(a, person, sign);
  END LOOP;
END
$$;
--> statement-breakpoint

-- Moves up to max_rows written records, oldest first, into the month documents, in one transaction, one fold at a
-- time (an advisory lock: two processes on one PostgreSQL). A value whose records reach 0 leaves its document; an
-- empty document goes. Returns how many written records were folded.
CREATE OR REPLACE FUNCTION activity_stats_fold(max_rows integer DEFAULT 20000)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(988002026);
  CREATE TEMP TABLE IF NOT EXISTS activity_stat_folding (scope text, scope_id uuid, month date, kind activity_kind, counts jsonb) ON COMMIT DELETE ROWS;
  WITH moved AS (
    -- The ids are taken once (an array), not by a semi-join that may rescan the oldest rows for every row.
    DELETE FROM activity_stat_changes
    WHERE id = ANY (ARRAY(SELECT c.id FROM activity_stat_changes AS c ORDER BY c.id LIMIT max_rows))
    RETURNING sign, record
  ), summed AS (
    SELECT x.scope, x.scope_id, x.month, x.kind, e.key, sum((e.value ->> 0)::integer) AS r, sum((e.value ->> 1)::integer) AS c
    FROM moved AS m
    CROSS JOIN LATERAL activity_stat_change_counts(m.record, m.sign) AS x
    CROSS JOIN LATERAL jsonb_each(x.counts) AS e
    GROUP BY 1, 2, 3, 4, 5
  ), kept AS (
    INSERT INTO activity_stat_folding (scope, scope_id, month, kind, counts)
    SELECT s.scope, s.scope_id, s.month, s.kind, jsonb_object_agg(s.key, jsonb_build_array(s.r, s.c))
    FROM summed AS s
    GROUP BY 1, 2, 3, 4
  )
  SELECT count(*) INTO folded FROM moved;
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
  DELETE FROM activity_stat_changes;
  DELETE FROM activity_stats_people;
  UPDATE activity_stat_state SET folds = folds + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- A participant added or taken off changes only the people counts (the statement's NOTIFY of migration 0027 tells
-- the reports kept in memory).
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
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO a FROM activities WHERE id = NEW.activity_id;
    IF FOUND THEN
      PERFORM activity_stats_person(a, NEW.beneficiary_id, 1);
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
  DELETE FROM activity_stat_changes;
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
