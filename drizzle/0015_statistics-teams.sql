CREATE TABLE "activity_stats" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"records" integer NOT NULL,
	"accompaniments" integer NOT NULL,
	CONSTRAINT "activity_stats_scope_scope_id_month_kind_dimension_value_pk" PRIMARY KEY("scope","scope_id","month","kind","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "activity_stats_people" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "activity_stats_people_scope_scope_id_month_kind_beneficiary_id_pk" PRIMARY KEY("scope","scope_id","month","kind","beneficiary_id")
);
--> statement-breakpoint
CREATE TABLE "team_memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"added_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_memberships_period" CHECK ("team_memberships"."ends_on" is null or "team_memberships"."ends_on" >= "team_memberships"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_stats_people_first_idx" ON "activity_stats_people" USING btree ("beneficiary_id","month");--> statement-breakpoint
CREATE INDEX "team_memberships_team_idx" ON "team_memberships" USING btree ("team_id","starts_on");--> statement-breakpoint
CREATE INDEX "team_memberships_user_idx" ON "team_memberships" USING btree ("user_id");