-- Statistics aggregates as one document per scope, month and kind (activity_stat_months), instead of one row per
-- value: a year of the whole network is 24 rows to read. Same triggers and rules as 0017 (activity_stat_rows and
-- activity_stat_scopes are unchanged); see src/modules/activities/statistics/README.md.

-- The same rows as activity_stat_rows through PL/pgSQL, whose plan is made once per session and kept: for a few
-- records at a time (a team's partial months). A scan of many records uses activity_stat_rows, which is inlined.
CREATE OR REPLACE FUNCTION activity_stat_rows_one(a activities)
RETURNS TABLE (dimension text, value text, records integer, accompaniments integer)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN QUERY SELECT * FROM activity_stat_rows(a);
END
$$;
--> statement-breakpoint

-- Adds two count documents ("dimension|value" → [records, accompaniments]); a value whose records reach 0 goes.
CREATE OR REPLACE FUNCTION activity_stat_counts_add(a jsonb, b jsonb)
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN (
    SELECT coalesce(jsonb_object_agg(t.k, jsonb_build_array(t.r, t.c)), '{}'::jsonb)
    FROM (
      SELECT e.key AS k, sum((e.value ->> 0)::integer) AS r, sum((e.value ->> 1)::integer) AS c
      FROM (SELECT * FROM jsonb_each(a) UNION ALL SELECT * FROM jsonb_each(b)) AS e
      GROUP BY e.key
    ) AS t
    WHERE t.r <> 0
  );
END
$$;
--> statement-breakpoint

-- Generic plans (SET plan_cache_mode): a custom plan per call would plan the statements again at every write.
CREATE OR REPLACE FUNCTION activity_stats_person(a activities, person uuid, sign integer)
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  INSERT INTO activity_stats_people AS p (scope, scope_id, month, kind, beneficiary_id, records)
  SELECT sc.scope, sc.scope_id, date_trunc('month', a.date)::date, a.kind, person, sign
  FROM activity_stat_scopes(a) AS sc
  ORDER BY 1, 2
  ON CONFLICT (scope, scope_id, month, kind, beneficiary_id) DO UPDATE SET records = p.records + excluded.records;
  IF sign < 0 THEN
    DELETE FROM activity_stats_people AS p
    USING activity_stat_scopes(a) AS sc
    WHERE p.scope = sc.scope AND p.scope_id = sc.scope_id AND p.month = date_trunc('month', a.date)::date AND p.kind = a.kind
      AND p.beneficiary_id = person AND p.records <= 0;
  END IF;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_apply(a activities, sign integer)
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  m date := date_trunc('month', a.date)::date;
  doc jsonb;
  person uuid;
BEGIN
  SELECT jsonb_object_agg(r.dimension || '|' || r.value, jsonb_build_array(sign * r.records, sign * r.accompaniments)) INTO doc
  FROM activity_stat_rows(a) AS r;
  INSERT INTO activity_stat_months AS s (scope, scope_id, month, kind, counts)
  SELECT sc.scope, sc.scope_id, m, a.kind, doc
  FROM activity_stat_scopes(a) AS sc
  ORDER BY 1, 2
  ON CONFLICT (scope, scope_id, month, kind) DO UPDATE SET counts = activity_stat_counts_add(s.counts, excluded.counts);
  IF sign < 0 THEN
    DELETE FROM activity_stat_months AS s
    USING activity_stat_scopes(a) AS sc
    WHERE s.scope = sc.scope AND s.scope_id = sc.scope_id AND s.month = m AND s.kind = a.kind AND s.counts = '{}'::jsonb;
  END IF;
  IF a.beneficiary_id IS NOT NULL THEN
    PERFORM activity_stats_person(a, a.beneficiary_id, sign);
  END IF;
  FOR person IN SELECT ap.beneficiary_id FROM activity_participants AS ap WHERE ap.activity_id = a.id LOOP
    PERFORM activity_stats_person(a, person, sign);
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_on_truncate()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_stat_months;
  DELETE FROM activity_stats_people;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_rebuild()
RETURNS void LANGUAGE sql AS $$
  DELETE FROM activity_stat_months;
  DELETE FROM activity_stats_people;
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
--> statement-breakpoint

SELECT activity_stats_rebuild();
