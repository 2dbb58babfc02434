CREATE TABLE "council_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"language" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_report_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"narrative_enc" text NOT NULL,
	"snapshot_enc" text,
	"finalised_at" timestamp with time zone,
	"finalised_by_user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_plan_setting" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_report" ADD CONSTRAINT "council_report_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report" ADD CONSTRAINT "council_report_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD CONSTRAINT "council_report_version_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD CONSTRAINT "council_report_version_report_id_council_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."council_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD CONSTRAINT "council_report_version_finalised_by_user_id_app_user_id_fk" FOREIGN KEY ("finalised_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD CONSTRAINT "council_report_version_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_plan_setting" ADD CONSTRAINT "public_plan_setting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_plan_setting" ADD CONSTRAINT "public_plan_setting_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_report_year_idx" ON "council_report" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "council_report_version_number_idx" ON "council_report_version" USING btree ("report_id","number");--> statement-breakpoint
CREATE INDEX "council_report_version_municipality_idx" ON "council_report_version" USING btree ("municipality_id","report_id");