-- Announces every change that can alter what a bearer token gives: NOTIFY relais_api_tokens when a token is revoked,
-- renamed, re-scoped, given another expiry or hash, or deleted. A process that LISTENs (PGlite: the database lives in
-- the process) keeps the tokens it has checked in memory and drops them at once
-- (src/modules/api-tokens/api-tokens.commands.ts, docs/decisions/0006-sessions-kept-in-memory.md). A new token needs
-- no announcement: unknown tokens are never kept. The last-used time (written once a minute) is not announced.
CREATE OR REPLACE FUNCTION "notify_api_tokens_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('relais_api_tokens', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "relais_api_tokens_changed" AFTER UPDATE OF "revoked_at", "expires_at", "scopes", "name", "token_hash" OR DELETE OR TRUNCATE ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_tokens_changed"();
