CREATE TABLE "activity_stat_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" smallint NOT NULL,
	"record" jsonb NOT NULL
);
