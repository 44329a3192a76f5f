-- Announces every change that can alter what a session cookie gives: NOTIFY relais_sessions when a session is
-- revoked, expires, passes its second factor or is deleted, when a person's name, e-mail, second factor or
-- disabled state changes, when a membership changes, and when an organisation is renamed or removed. A process
-- that LISTENs (PGlite: the database lives in the process) keeps loaded sessions in memory and drops them at once
-- (src/modules/accounts/accounts.sessions.ts, docs/decisions/0006-sessions-kept-in-memory.md). The last-seen time
-- is written every 5 minutes per session and is not announced. Statement-level: one notification per statement.
CREATE OR REPLACE FUNCTION "notify_sessions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('relais_sessions', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "relais_sessions_sessions" AFTER UPDATE OF "revoked_at", "expires_at", "second_factor_at", "user_id", "token_hash" OR DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();
--> statement-breakpoint
CREATE TRIGGER "relais_sessions_users" AFTER UPDATE OF "name", "email", "disabled_at", "totp_enabled_at" OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();
--> statement-breakpoint
CREATE TRIGGER "relais_sessions_memberships" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();
--> statement-breakpoint
CREATE TRIGGER "relais_sessions_organisations" AFTER UPDATE OF "name" OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();
