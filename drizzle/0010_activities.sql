CREATE TYPE "public"."person_age_band" AS ENUM('under_12', 'from_12_to_17', 'from_18_to_24', 'from_25_to_39', 'from_40_to_59', 'from_60_to_69', 'from_70', 'not_communicated');--> statement-breakpoint
CREATE TYPE "public"."person_gender" AS ENUM('female', 'male', 'not_communicated');--> statement-breakpoint
CREATE TYPE "public"."person_status" AS ENUM('in_school', 'unemployed', 'employed', 'retired', 'not_communicated');--> statement-breakpoint
CREATE TYPE "public"."activity_kind" AS ENUM('individual', 'workshop');--> statement-breakpoint
CREATE TYPE "public"."activity_administrative_sub_theme" AS ENUM('papers_elections_citizenship', 'family_schooling', 'social_health', 'work_training_business', 'housing', 'transport_mobility', 'money_taxes', 'justice', 'foreigners_europe', 'leisure_sports_culture', 'associations');--> statement-breakpoint
CREATE TYPE "public"."activity_autonomy" AS ENUM('fully_assisted', 'partly_autonomous', 'autonomous');--> statement-breakpoint
CREATE TYPE "public"."activity_channel" AS ENUM('at_place', 'at_home', 'remote', 'elsewhere');--> statement-breakpoint
CREATE TYPE "public"."activity_material" AS ENUM('computer', 'phone', 'tablet', 'other', 'none');--> statement-breakpoint
CREATE TYPE "public"."activity_orientation_destination" AS ENUM('administration', 'other_mediation', 'procedure_operator', 'social_aid', 'employment_support', 'administrative_help_point', 'other');--> statement-breakpoint
CREATE TYPE "public"."activity_procedure_outcome" AS ENUM('completed', 'partly_done', 'to_continue', 'redirected_to_partner');--> statement-breakpoint
CREATE TYPE "public"."activity_tag_scope" AS ENUM('personal', 'team', 'territory');--> statement-breakpoint
CREATE TYPE "public"."activity_theme" AS ENUM('diagnostic', 'equipment_handling', 'equipment_maintenance', 'digital_content', 'web_browsing', 'email', 'office_software', 'social_media', 'health', 'banking_shopping', 'professional_support', 'employment', 'security', 'parenting', 'schooling', 'creating', 'digital_culture', 'artificial_intelligence', 'administrative_procedures');--> statement-breakpoint
CREATE TYPE "public"."activity_workshop_level" AS ENUM('beginner', 'intermediate', 'advanced');--> statement-breakpoint
CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"phone" text,
	"no_phone" boolean DEFAULT false NOT NULL,
	"birth_year" integer,
	"commune_code" text,
	"gender" "person_gender" DEFAULT 'not_communicated' NOT NULL,
	"status" "person_status" DEFAULT 'not_communicated' NOT NULL,
	"consent_text" text NOT NULL,
	"consent_given_at" timestamp with time zone NOT NULL,
	"consent_taken_by_user_id" uuid,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"place_id" uuid,
	"helper_user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"channel" "activity_channel" NOT NULL,
	"themes" "activity_theme"[] DEFAULT '{}' NOT NULL,
	"administrative_sub_themes" "activity_administrative_sub_theme"[] DEFAULT '{}' NOT NULL,
	"materials" "activity_material"[] DEFAULT '{}' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"tag_ids" uuid[] DEFAULT '{}' NOT NULL,
	"autonomy" "activity_autonomy",
	"oriented" boolean DEFAULT false NOT NULL,
	"orientation_destination" "activity_orientation_destination",
	"procedure_id" uuid,
	"procedure_outcome" "activity_procedure_outcome",
	"beneficiary_id" uuid,
	"commune_code" text,
	"age_band" "person_age_band" DEFAULT 'not_communicated' NOT NULL,
	"gender" "person_gender" DEFAULT 'not_communicated' NOT NULL,
	"status" "person_status" DEFAULT 'not_communicated' NOT NULL,
	"title" text,
	"level" "activity_workshop_level",
	"anonymous_participants" integer DEFAULT 0 NOT NULL,
	"participant_breakdown" jsonb,
	"participant_count" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_duration_range" CHECK ("activities"."duration_minutes" between 1 and 720),
	CONSTRAINT "activities_participant_count_positive" CHECK ("activities"."participant_count" >= 1),
	CONSTRAINT "activities_individual_counts_one" CHECK ("activities"."kind" <> 'individual' or "activities"."participant_count" = 1),
	CONSTRAINT "activities_orientation_needs_oriented" CHECK ("activities"."orientation_destination" is null or "activities"."oriented"),
	CONSTRAINT "activities_outcome_needs_procedure" CHECK ("activities"."procedure_outcome" is null or "activities"."procedure_id" is not null),
	CONSTRAINT "activities_workshop_has_title" CHECK ("activities"."kind" <> 'workshop' or "activities"."title" is not null)
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"activity_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	CONSTRAINT "activity_participants_activity_id_beneficiary_id_pk" PRIMARY KEY("activity_id","beneficiary_id")
);
--> statement-breakpoint
CREATE TABLE "activity_tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" "activity_tag_scope" NOT NULL,
	"label" text NOT NULL,
	"owner_user_id" uuid,
	"team_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_consent_taken_by_user_id_users_id_fk" FOREIGN KEY ("consent_taken_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_helper_user_id_users_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_tags" ADD CONSTRAINT "activity_tags_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beneficiaries_organisation_idx" ON "beneficiaries" USING btree ("organisation_id","last_name");--> statement-breakpoint
CREATE INDEX "beneficiaries_phone_idx" ON "beneficiaries" USING btree ("phone") WHERE "beneficiaries"."phone" is not null;--> statement-breakpoint
CREATE INDEX "beneficiaries_last_activity_idx" ON "beneficiaries" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "activities_organisation_date_idx" ON "activities" USING btree ("organisation_id","date");--> statement-breakpoint
CREATE INDEX "activities_helper_date_idx" ON "activities" USING btree ("helper_user_id","date");--> statement-breakpoint
CREATE INDEX "activities_place_date_idx" ON "activities" USING btree ("place_id","date");--> statement-breakpoint
CREATE INDEX "activities_date_idx" ON "activities" USING btree ("date");--> statement-breakpoint
CREATE INDEX "activities_beneficiary_idx" ON "activities" USING btree ("beneficiary_id") WHERE "activities"."beneficiary_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_procedure_idx" ON "activities" USING btree ("procedure_id","date") WHERE "activities"."procedure_id" is not null;--> statement-breakpoint
CREATE INDEX "activity_participants_beneficiary_idx" ON "activity_participants" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "activity_tags_owner_idx" ON "activity_tags" USING btree ("scope","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_partner_name_unique" ON "procedures" USING btree ("partner_organisation_id",lower("name"));