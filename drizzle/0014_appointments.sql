CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'cancelled', 'seen', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."appointment_motif_mode" AS ENUM('in_person', 'phone');--> statement-breakpoint
CREATE TYPE "public"."appointment_notify_channel" AS ENUM('sms', 'email');--> statement-breakpoint
CREATE TABLE "appointment_agencies" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_closures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_motifs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"label" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "appointment_motif_mode" DEFAULT 'in_person' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_motifs_duration" CHECK ("appointment_motifs"."duration_minutes" between 5 and 240)
);
--> statement-breakpoint
CREATE TABLE "appointment_openings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"counters" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_openings_weekday" CHECK ("appointment_openings"."weekday" between 1 and 7),
	CONSTRAINT "appointment_openings_range" CHECK ("appointment_openings"."start_minute" >= 0 and "appointment_openings"."end_minute" <= 1440 and "appointment_openings"."start_minute" < "appointment_openings"."end_minute"),
	CONSTRAINT "appointment_openings_counters" CHECK ("appointment_openings"."counters" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"motif_id" uuid NOT NULL,
	"place_id" uuid,
	"day" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "appointment_motif_mode" NOT NULL,
	"person_name" text NOT NULL,
	"phone" text,
	"email" text,
	"notify_by" "appointment_notify_channel" NOT NULL,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"reminder_token_hash" text,
	"reminded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"marked_by_user_id" uuid,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_contact" CHECK ("appointments"."phone" is not null or "appointments"."email" is not null),
	CONSTRAINT "appointments_notify_has_address" CHECK (("appointments"."notify_by" = 'sms' and "appointments"."phone" is not null) or ("appointments"."notify_by" = 'email' and "appointments"."email" is not null)),
	CONSTRAINT "appointments_activity_when_seen" CHECK ("appointments"."activity_id" is null or "appointments"."status" = 'seen'),
	CONSTRAINT "appointments_range" CHECK ("appointments"."ends_at" > "appointments"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "appointment_agencies" ADD CONSTRAINT "appointment_agencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_agencies" ADD CONSTRAINT "appointment_agencies_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_closures" ADD CONSTRAINT "appointment_closures_organisation_id_appointment_agencies_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."appointment_agencies"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_motifs" ADD CONSTRAINT "appointment_motifs_organisation_id_appointment_agencies_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."appointment_agencies"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_openings" ADD CONSTRAINT "appointment_openings_organisation_id_appointment_agencies_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."appointment_agencies"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organisation_id_appointment_agencies_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."appointment_agencies"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_motif_id_appointment_motifs_id_fk" FOREIGN KEY ("motif_id") REFERENCES "public"."appointment_motifs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_marked_by_user_id_users_id_fk" FOREIGN KEY ("marked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_closures_agency_day" ON "appointment_closures" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "appointment_motifs_agency_idx" ON "appointment_motifs" USING btree ("organisation_id","position");--> statement-breakpoint
CREATE INDEX "appointment_openings_agency_idx" ON "appointment_openings" USING btree ("organisation_id","weekday");--> statement-breakpoint
CREATE INDEX "appointments_agency_day_idx" ON "appointments" USING btree ("organisation_id","day","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_reminder_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."status" = 'booked' and "appointments"."reminded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_cancel_token_unique" ON "appointments" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_reminder_token_unique" ON "appointments" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_activity_unique" ON "appointments" USING btree ("activity_id");