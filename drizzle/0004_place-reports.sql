CREATE TYPE "public"."place_report_status" AS ENUM('open', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."place_report_topic" AS ENUM('adresse', 'horaires', 'contact', 'services', 'accessibilite', 'ferme', 'autre');--> statement-breakpoint
CREATE TABLE "place_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"topics" "place_report_topic"[] NOT NULL,
	"message" text NOT NULL,
	"reporter_email" text,
	"status" "place_report_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "place_reports" ADD CONSTRAINT "place_reports_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "place_reports_place_idx" ON "place_reports" USING btree ("place_id","status","created_at");--> statement-breakpoint
CREATE INDEX "place_reports_status_idx" ON "place_reports" USING btree ("status","created_at");