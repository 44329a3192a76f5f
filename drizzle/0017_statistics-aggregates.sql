-- Statistics aggregates maintained on write (src/modules/activities/statistics/README.md).
-- Every path that writes activities (form, API, appointments, workshop rosters, anonymisation, merges, restore)
-- goes through these triggers, in the same transaction as the write.

-- What one activity record contributes: one row per dimension and value, `records` = 1 and `accompaniments` = the
-- people-times this value stands for. The TypeScript twin used by the tests is statistics.contributions.ts.
CREATE OR REPLACE FUNCTION activity_stat_rows(a activities)
RETURNS TABLE (dimension text, value text, records integer, accompaniments integer)
LANGUAGE sql STABLE AS $$
  SELECT d.dimension, d.value, 1, sum(d.n)::integer
  FROM (
    SELECT 'total'::text AS dimension, ''::text AS value, a.participant_count AS n
    UNION ALL
    SELECT 'people', 'anonymous', CASE WHEN a.kind = 'individual' THEN (CASE WHEN a.beneficiary_id IS NULL THEN 1 ELSE 0 END) ELSE a.anonymous_participants END
    UNION ALL
    SELECT 'people', 'followed', CASE WHEN a.kind = 'individual' THEN (CASE WHEN a.beneficiary_id IS NULL THEN 0 ELSE 1 END) ELSE a.participant_count - a.anonymous_participants END
    UNION ALL
    SELECT DISTINCT 'theme', t::text, a.participant_count FROM unnest(a.themes) AS t
    UNION ALL
    SELECT DISTINCT 'sub_theme', t::text, a.participant_count FROM unnest(a.administrative_sub_themes) AS t
    UNION ALL
    SELECT DISTINCT 'material', t::text, a.participant_count FROM unnest(a.materials) AS t
    UNION ALL
    SELECT 'channel', a.channel::text, a.participant_count
    UNION ALL
    SELECT 'duration', CASE WHEN a.duration_minutes < 30 THEN 'under_30' WHEN a.duration_minutes < 60 THEN 'from_30_to_59' WHEN a.duration_minutes < 120 THEN 'from_60_to_119' ELSE 'from_120' END, a.participant_count
    UNION ALL
    SELECT 'commune', coalesce(a.commune_code, 'unknown'), a.participant_count
    UNION ALL
    SELECT 'procedure_outcome', a.procedure_id::text || ':' || coalesce(a.procedure_outcome::text, 'unknown'), a.participant_count WHERE a.procedure_id IS NOT NULL
    UNION ALL
    SELECT 'autonomy', a.autonomy::text, 1 WHERE a.kind = 'individual' AND a.autonomy IS NOT NULL
    UNION ALL
    SELECT 'orientation', CASE WHEN NOT a.oriented THEN 'none' ELSE coalesce(a.orientation_destination::text, 'unspecified') END, 1 WHERE a.kind = 'individual'
    UNION ALL
    -- The person's traits: the record's own for an individual accompaniment; for a workshop, the anonymous
    -- breakdown, and everyone else (named participants, people not counted in the breakdown) as not_communicated.
    SELECT trait.dimension, trait.value, trait.n
    FROM (
      SELECT 'age_band' AS dimension, a.age_band::text AS value, 1 AS n WHERE a.kind = 'individual'
      UNION ALL SELECT 'gender', a.gender::text, 1 WHERE a.kind = 'individual'
      UNION ALL SELECT 'status', a.status::text, 1 WHERE a.kind = 'individual'
      UNION ALL
      -- Each breakdown entry counts for its value and is taken off not_communicated, which starts at the total.
      SELECT names.dimension, v.value, v.n
      FROM (VALUES ('age_band', 'ageBand'), ('gender', 'gender'), ('status', 'status')) AS names(dimension, field)
      CROSS JOIN LATERAL jsonb_each_text(coalesce(a.participant_breakdown -> names.field, '{}'::jsonb)) AS e
      CROSS JOIN LATERAL (VALUES (e.key, (e.value)::numeric::integer), ('not_communicated', -(e.value)::numeric::integer)) AS v(value, n)
      WHERE a.kind = 'workshop' AND e.key <> 'not_communicated'
      UNION ALL
      SELECT names.dimension, 'not_communicated', a.participant_count
      FROM (VALUES ('age_band'), ('gender'), ('status')) AS names(dimension)
      WHERE a.kind = 'workshop'
    ) AS trait
  ) AS d
  GROUP BY d.dimension, d.value
  HAVING sum(d.n) > 0
$$;
--> statement-breakpoint

-- Whose counts a record goes to: its helper, the whole network, and its procedure if any.
CREATE OR REPLACE FUNCTION activity_stat_scopes(a activities)
RETURNS TABLE (scope text, scope_id uuid)
LANGUAGE sql IMMUTABLE AS $$
  SELECT s.scope, s.scope_id
  FROM (VALUES ('helper'::text, a.helper_user_id), ('network', '00000000-0000-0000-0000-000000000000'::uuid), ('procedure', a.procedure_id)) AS s(scope, scope_id)
  WHERE s.scope_id IS NOT NULL
$$;
--> statement-breakpoint

-- Adds (sign = 1) or removes (sign = -1) one followed person's participation in a record.
CREATE OR REPLACE FUNCTION activity_stats_person(a activities, person uuid, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
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

-- Adds (sign = 1) or removes (sign = -1) a whole record: its counts and its followed people.
CREATE OR REPLACE FUNCTION activity_stats_apply(a activities, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', a.date)::date;
  person uuid;
BEGIN
  INSERT INTO activity_stats AS s (scope, scope_id, month, kind, dimension, value, records, accompaniments)
  SELECT sc.scope, sc.scope_id, m, a.kind, r.dimension, r.value, sign * r.records, sign * r.accompaniments
  FROM activity_stat_rows(a) AS r CROSS JOIN activity_stat_scopes(a) AS sc
  ORDER BY 1, 2, 5, 6
  ON CONFLICT (scope, scope_id, month, kind, dimension, value)
  DO UPDATE SET records = s.records + excluded.records, accompaniments = s.accompaniments + excluded.accompaniments;
  IF sign < 0 THEN
    DELETE FROM activity_stats AS s
    USING activity_stat_scopes(a) AS sc
    WHERE s.scope = sc.scope AND s.scope_id = sc.scope_id AND s.month = m AND s.kind = a.kind AND s.records <= 0;
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

CREATE OR REPLACE FUNCTION activity_stats_on_activity()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM activity_stats_apply(NEW, 1);
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM activity_stats_apply(OLD, -1);
    PERFORM activity_stats_apply(NEW, 1);
    RETURN NEW;
  END IF;
  -- DELETE runs BEFORE the row goes, while its workshop participants are still there to be taken off.
  PERFORM activity_stats_apply(OLD, -1);
  RETURN OLD;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_on_participant()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a activities;
BEGIN
  -- A participant deleted by the cascade of its record's deletion finds no record: the record took it off already.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT * INTO a FROM activities WHERE id = OLD.activity_id;
    IF FOUND THEN PERFORM activity_stats_person(a, OLD.beneficiary_id, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO a FROM activities WHERE id = NEW.activity_id;
    IF FOUND THEN PERFORM activity_stats_person(a, NEW.beneficiary_id, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION activity_stats_on_truncate()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_stats;
  DELETE FROM activity_stats_people;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Recomputes every aggregate from the raw tables (after a bulk load with the triggers off, or to check them).
CREATE OR REPLACE FUNCTION activity_stats_rebuild()
RETURNS void LANGUAGE sql AS $$
  DELETE FROM activity_stats;
  DELETE FROM activity_stats_people;
  INSERT INTO activity_stats (scope, scope_id, month, kind, dimension, value, records, accompaniments)
  SELECT sc.scope, sc.scope_id, date_trunc('month', a.date)::date, a.kind, r.dimension, r.value, sum(r.records), sum(r.accompaniments)
  FROM activities AS a CROSS JOIN LATERAL activity_stat_rows(a) AS r CROSS JOIN LATERAL activity_stat_scopes(a) AS sc
  GROUP BY 1, 2, 3, 4, 5, 6;
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

CREATE TRIGGER activity_stats_write AFTER INSERT OR UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION activity_stats_on_activity();
--> statement-breakpoint
CREATE TRIGGER activity_stats_delete BEFORE DELETE ON activities FOR EACH ROW EXECUTE FUNCTION activity_stats_on_activity();
--> statement-breakpoint
CREATE TRIGGER activity_stats_participants AFTER INSERT OR UPDATE OR DELETE ON activity_participants FOR EACH ROW EXECUTE FUNCTION activity_stats_on_participant();
--> statement-breakpoint
CREATE TRIGGER activity_stats_truncate AFTER TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION activity_stats_on_truncate();
--> statement-breakpoint
SELECT activity_stats_rebuild();
