CREATE TYPE "public"."mandate_consent_method" AS ENUM('signed_paper', 'sms_reply', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."mandate_category" AS ENUM('papers', 'family', 'social', 'work', 'housing', 'transport', 'money', 'justice', 'foreigners', 'leisure');--> statement-breakpoint
CREATE TYPE "public"."mandate_duration" AS ENUM('one_day', 'one_month', 'six_months', 'one_year');--> statement-breakpoint
CREATE TABLE "mandate_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mandate_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"category" "mandate_category" NOT NULL,
	"procedure" text NOT NULL,
	"used_on" date NOT NULL,
	"user_id" uuid,
	"user_label" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"categories" "mandate_category"[] NOT NULL,
	"duration" "mandate_duration" NOT NULL,
	"consent_method" "mandate_consent_method" NOT NULL,
	"consent_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_file_key" text,
	"consent_file_name" text,
	"consent_file_type" text,
	"consent_given_at" timestamp with time zone,
	"refused_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"category_revocations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD COLUMN "consent_version" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandate_uses_mandate_idx" ON "mandate_uses" USING btree ("mandate_id","recorded_at");--> statement-breakpoint
CREATE INDEX "mandates_beneficiary_idx" ON "mandates" USING btree ("beneficiary_id","created_at");