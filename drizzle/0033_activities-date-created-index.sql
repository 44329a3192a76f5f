DROP INDEX "activities_date_idx";--> statement-breakpoint
CREATE INDEX "activities_date_created_idx" ON "activities" USING btree ("date","created_at");