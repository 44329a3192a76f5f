CREATE TABLE "activity_stat_months" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"counts" jsonb NOT NULL,
	CONSTRAINT "activity_stat_months_scope_scope_id_month_kind_pk" PRIMARY KEY("scope","scope_id","month","kind")
);
