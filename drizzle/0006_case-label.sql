CREATE TYPE "public"."label_application_status" AS ENUM('draft', 'submitted', 'changes_requested', 'granted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."label_comment_kind" AS ENUM('comment', 'changes_requested', 'granted', 'refused');--> statement-breakpoint
CREATE TABLE "label_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"status" "label_application_status" DEFAULT 'draft' NOT NULL,
	"applicant_user_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"granted_on" date,
	"expires_on" date,
	"refusal_reasons" text,
	"reminded_90_at" timestamp with time zone,
	"reminded_30_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "label_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "label_comment_kind" NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_criteria" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "label_applications" ADD CONSTRAINT "label_applications_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_comments" ADD CONSTRAINT "label_comments_application_id_label_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."label_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_evidence" ADD CONSTRAINT "label_evidence_application_id_label_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."label_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_evidence" ADD CONSTRAINT "label_evidence_criterion_id_label_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."label_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_files" ADD CONSTRAINT "label_files_application_id_label_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."label_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_files" ADD CONSTRAINT "label_files_criterion_id_label_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."label_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "label_applications_place_idx" ON "label_applications" USING btree ("place_id","created_at");--> statement-breakpoint
CREATE INDEX "label_applications_status_idx" ON "label_applications" USING btree ("status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "label_applications_one_open_per_place" ON "label_applications" USING btree ("place_id") WHERE status in ('draft', 'submitted', 'changes_requested');--> statement-breakpoint
CREATE INDEX "label_comments_application_idx" ON "label_comments" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "label_evidence_unique" ON "label_evidence" USING btree ("application_id","criterion_id");--> statement-breakpoint
CREATE INDEX "label_files_application_idx" ON "label_files" USING btree ("application_id","criterion_id");