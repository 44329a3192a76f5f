ALTER TABLE "sign_in_failures" RENAME TO "rate_limit_events";--> statement-breakpoint
DROP INDEX "sign_in_failures_key_at_idx";--> statement-breakpoint
CREATE INDEX "rate_limit_events_key_at_idx" ON "rate_limit_events" USING btree ("key","at");