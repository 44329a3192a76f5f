-- Each theme of a record is one more scope of the aggregates (scope 'theme', id md5('theme|' || theme)::uuid,
-- themeScopeId in statistics.schema.ts): the network's statistics filtered by a theme read a few month documents
-- instead of recounting every record of the period (1.4 s for 100 000 records on PGlite). Writes do not pay for it:
-- they append the record (migration 0030) and the fold works out its scopes.
CREATE OR REPLACE FUNCTION activity_stat_scopes(a activities)
RETURNS TABLE (scope text, scope_id uuid)
LANGUAGE sql IMMUTABLE AS $$
  SELECT s.scope, s.scope_id
  FROM (VALUES ('helper'::text, a.helper_user_id), ('network', '00000000-0000-0000-0000-000000000000'::uuid), ('procedure', a.procedure_id)) AS s(scope, scope_id)
  WHERE s.scope_id IS NOT NULL
  UNION ALL
  SELECT DISTINCT 'theme', md5('theme|' || t::text)::uuid FROM unnest(a.themes) AS t
$$;
--> statement-breakpoint
SELECT activity_stats_rebuild();
