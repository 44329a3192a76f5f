CREATE TABLE "beneficiary_duplicates" (
	"first_id" uuid NOT NULL,
	"second_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"same_phone" boolean DEFAULT false NOT NULL,
	"similarity" real NOT NULL,
	"dismissed_at" timestamp with time zone,
	"dismissed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beneficiary_duplicates_first_id_second_id_pk" PRIMARY KEY("first_id","second_id"),
	CONSTRAINT "beneficiary_duplicates_ordered" CHECK ("beneficiary_duplicates"."first_id" < "beneficiary_duplicates"."second_id")
);
--> statement-breakpoint
ALTER TABLE "beneficiary_duplicates" ADD CONSTRAINT "beneficiary_duplicates_first_id_beneficiaries_id_fk" FOREIGN KEY ("first_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_duplicates" ADD CONSTRAINT "beneficiary_duplicates_second_id_beneficiaries_id_fk" FOREIGN KEY ("second_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_duplicates" ADD CONSTRAINT "beneficiary_duplicates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_duplicates" ADD CONSTRAINT "beneficiary_duplicates_dismissed_by_user_id_users_id_fk" FOREIGN KEY ("dismissed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beneficiary_duplicates_second_idx" ON "beneficiary_duplicates" USING btree ("second_id");--> statement-breakpoint
CREATE INDEX "beneficiary_duplicates_open_idx" ON "beneficiary_duplicates" USING btree ("organisation_id") WHERE "beneficiary_duplicates"."dismissed_at" is null;