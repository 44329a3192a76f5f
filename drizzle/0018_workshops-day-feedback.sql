CREATE TYPE "public"."workshop_attendance_status" AS ENUM('present', 'late', 'absent');--> statement-breakpoint
CREATE TYPE "public"."workshop_feedback_mode" AS ENUM('self', 'assisted', 'paper');--> statement-breakpoint
CREATE TYPE "public"."workshop_adjustment_status" AS ENUM('planned', 'done');--> statement-breakpoint
CREATE TABLE "workshop_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid,
	"name" text,
	"commune_code" text,
	"access_needs" "workshop_accessibility"[] DEFAULT '{}' NOT NULL,
	"access_needs_text" text,
	"status" "workshop_attendance_status" NOT NULL,
	"purged_at" timestamp with time zone,
	"marked_by_user_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_attendance_who" CHECK ("workshop_attendance"."registration_id" is not null or "workshop_attendance"."name" is not null or "workshop_attendance"."purged_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "workshop_debriefs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"what_worked" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"adaptations" text DEFAULT '' NOT NULL,
	"adaptation_needs" "workshop_accessibility"[] DEFAULT '{}' NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_rosters" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"reopened_at" timestamp with time zone,
	"tally" jsonb,
	"breakdown" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_rosters_closed_has_activity" CHECK ("workshop_rosters"."closed_at" is null or ("workshop_rosters"."activity_id" is not null and "workshop_rosters"."tally" is not null))
);
--> statement-breakpoint
CREATE TABLE "workshop_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"mode" "workshop_feedback_mode" NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"entered_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_feedback_entered_by" CHECK ("workshop_feedback"."mode" = 'self' or "workshop_feedback"."entered_by_user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "workshop_adjustment_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"adjustment_id" uuid NOT NULL,
	"feedback_id" uuid,
	"debrief_id" uuid,
	CONSTRAINT "workshop_adjustment_sources_one" CHECK (("workshop_adjustment_sources"."feedback_id" is null) <> ("workshop_adjustment_sources"."debrief_id" is null))
);
--> statement-breakpoint
CREATE TABLE "workshop_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"series_id" uuid,
	"session_id" uuid,
	"change" text NOT NULL,
	"reason" text NOT NULL,
	"status" "workshop_adjustment_status" DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"is_public" boolean DEFAULT false NOT NULL,
	"you_said" text DEFAULT '' NOT NULL,
	"we_did" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_adjustments_done_on" CHECK ("workshop_adjustments"."status" = 'done' or "workshop_adjustments"."done_on" is null),
	CONSTRAINT "workshop_adjustments_public_wording" CHECK (not "workshop_adjustments"."is_public" or ("workshop_adjustments"."you_said" <> '' and "workshop_adjustments"."we_did" <> ''))
);
--> statement-breakpoint
ALTER TABLE "workshop_attendance" ADD CONSTRAINT "workshop_attendance_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_attendance" ADD CONSTRAINT "workshop_attendance_registration_id_workshop_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."workshop_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_attendance" ADD CONSTRAINT "workshop_attendance_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_attendance" ADD CONSTRAINT "workshop_attendance_marked_by_user_id_users_id_fk" FOREIGN KEY ("marked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_debriefs" ADD CONSTRAINT "workshop_debriefs_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_debriefs" ADD CONSTRAINT "workshop_debriefs_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rosters" ADD CONSTRAINT "workshop_rosters_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rosters" ADD CONSTRAINT "workshop_rosters_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rosters" ADD CONSTRAINT "workshop_rosters_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_feedback" ADD CONSTRAINT "workshop_feedback_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_feedback" ADD CONSTRAINT "workshop_feedback_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustment_sources" ADD CONSTRAINT "workshop_adjustment_sources_adjustment_id_workshop_adjustments_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."workshop_adjustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustment_sources" ADD CONSTRAINT "workshop_adjustment_sources_feedback_id_workshop_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."workshop_feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustment_sources" ADD CONSTRAINT "workshop_adjustment_sources_debrief_id_workshop_debriefs_id_fk" FOREIGN KEY ("debrief_id") REFERENCES "public"."workshop_debriefs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustments" ADD CONSTRAINT "workshop_adjustments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustments" ADD CONSTRAINT "workshop_adjustments_series_id_workshop_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."workshop_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustments" ADD CONSTRAINT "workshop_adjustments_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_adjustments" ADD CONSTRAINT "workshop_adjustments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_attendance_session_idx" ON "workshop_attendance" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_attendance_registration_unique" ON "workshop_attendance" USING btree ("registration_id") WHERE "workshop_attendance"."registration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_debriefs_session_unique" ON "workshop_debriefs" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_rosters_activity_unique" ON "workshop_rosters" USING btree ("activity_id") WHERE "workshop_rosters"."activity_id" is not null;--> statement-breakpoint
CREATE INDEX "workshop_feedback_session_idx" ON "workshop_feedback" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "workshop_adjustment_sources_adjustment_idx" ON "workshop_adjustment_sources" USING btree ("adjustment_id");--> statement-breakpoint
CREATE INDEX "workshop_adjustments_programme_idx" ON "workshop_adjustments" USING btree ("programme_id","created_at");