CREATE TABLE "statistics_release" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_key" text NOT NULL,
	"release_number" integer NOT NULL,
	"published_by" uuid,
	"tables" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "concern" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "screening" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "training_completion" ADD COLUMN "statistics_key" smallint DEFAULT get_byte(uuid_send(gen_random_uuid()), 0) NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_release" ADD CONSTRAINT "statistics_release_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_release" ADD CONSTRAINT "statistics_release_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_release_period_number_idx" ON "statistics_release" USING btree ("municipality_id","period_kind","period_key","release_number");--> statement-breakpoint
CREATE INDEX "statistics_release_municipality_idx" ON "statistics_release" USING btree ("municipality_id","period_kind","period_key");