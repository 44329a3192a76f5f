CREATE TYPE "public"."workshop_accessibility" AS ENUM('lsf_interpreter', 'falc_materials', 'audio_description', 'hearing_loop', 'step_free_access', 'large_print', 'companion_welcome', 'other');--> statement-breakpoint
CREATE TYPE "public"."workshop_disability_answer" AS ENUM('yes', 'no', 'prefer_not_to_say');--> statement-breakpoint
CREATE TYPE "public"."workshop_pictogram" AS ENUM('computer', 'phone', 'tablet', 'internet', 'email', 'security', 'money', 'health', 'papers', 'photo', 'people', 'help');--> statement-breakpoint
CREATE TYPE "public"."workshop_registration_status" AS ENUM('confirmed', 'waiting', 'offered', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."workshop_session_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."workshop_target_kind" AS ENUM('workshops_held', 'communes_covered', 'people_reached', 'people_with_disability_reached', 'satisfaction_percent', 'custom');--> statement-breakpoint
CREATE TABLE "programme_organisations" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "programme_organisations_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "workshop_target_kind" NOT NULL,
	"label" text,
	"target_value" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_targets_custom_label" CHECK ("programme_targets"."kind" <> 'custom' or "programme_targets"."label" is not null),
	CONSTRAINT "programme_targets_value" CHECK ("programme_targets"."target_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"funders" text[] DEFAULT '{}' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_period" CHECK ("programmes"."ends_on" >= "programmes"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "workshop_registration_sensitive" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"access_needs" "workshop_accessibility"[] DEFAULT '{}' NOT NULL,
	"access_needs_text" text,
	"disability" "workshop_disability_answer",
	"disability_consent_at" timestamp with time zone,
	"disability_purpose" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_registration_sensitive_consent" CHECK ("workshop_registration_sensitive"."disability" is null or "workshop_registration_sensitive"."disability_consent_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "workshop_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"commune_code" text,
	"companion" boolean DEFAULT false NOT NULL,
	"status" "workshop_registration_status" NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"registered_by_user_id" uuid,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_registrations_contact" CHECK ("workshop_registrations"."phone" is not null or "workshop_registrations"."email" is not null),
	CONSTRAINT "workshop_registrations_offer" CHECK ("workshop_registrations"."status" <> 'offered' or "workshop_registrations"."offer_expires_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "workshop_sensitive_tallies" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"tally" jsonb NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"themes" "activity_theme"[] DEFAULT '{}' NOT NULL,
	"level" "activity_workshop_level" NOT NULL,
	"pix_competences" text[] DEFAULT '{}' NOT NULL,
	"description_falc" text DEFAULT '' NOT NULL,
	"pictograms" "workshop_pictogram"[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_session_trainers" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "workshop_session_trainers_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_id" uuid,
	"spot_name" text,
	"spot_address" text,
	"commune_code" text NOT NULL,
	"capacity" integer NOT NULL,
	"accessibility" "workshop_accessibility"[] DEFAULT '{}' NOT NULL,
	"accessibility_other" text,
	"status" "workshop_session_status" DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	"sensitive_purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_sessions_where" CHECK ("workshop_sessions"."place_id" is not null or "workshop_sessions"."spot_name" is not null),
	CONSTRAINT "workshop_sessions_times" CHECK ("workshop_sessions"."ends_at" > "workshop_sessions"."starts_at"),
	CONSTRAINT "workshop_sessions_capacity" CHECK ("workshop_sessions"."capacity" >= 1)
);
--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registration_sensitive" ADD CONSTRAINT "workshop_registration_sensitive_registration_id_workshop_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."workshop_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sensitive_tallies" ADD CONSTRAINT "workshop_sensitive_tallies_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_series" ADD CONSTRAINT "workshop_series_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_session_trainers" ADD CONSTRAINT "workshop_session_trainers_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_session_trainers" ADD CONSTRAINT "workshop_session_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_series_id_workshop_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."workshop_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_organisations_org_idx" ON "programme_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "programme_targets_programme_idx" ON "programme_targets" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_unique" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "workshop_registrations_session_idx" ON "workshop_registrations" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_registrations_token_unique" ON "workshop_registrations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "workshop_registrations_offer_idx" ON "workshop_registrations" USING btree ("offer_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "workshop_series_programme_idx" ON "workshop_series" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "workshop_session_trainers_user_idx" ON "workshop_session_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workshop_sessions_series_idx" ON "workshop_sessions" USING btree ("series_id","starts_at");--> statement-breakpoint
CREATE INDEX "workshop_sessions_starts_idx" ON "workshop_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "workshop_sessions_commune_idx" ON "workshop_sessions" USING btree ("commune_code","starts_at");