CREATE TABLE "prevalence_estimate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"result" jsonb NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevalence_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"name" text NOT NULL,
	"origin" text NOT NULL,
	"person_count" integer NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevalence_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"person" integer NOT NULL,
	"pseudonym" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevalence_study" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"source" text,
	"table_enc" text,
	"status" text DEFAULT 'open' NOT NULL,
	"finalised_at" timestamp with time zone,
	"keep_pseudonyms_until" date,
	"keep_reason" text,
	"pseudonyms_erased_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prevalence_estimate" ADD CONSTRAINT "prevalence_estimate_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_estimate" ADD CONSTRAINT "prevalence_estimate_study_id_prevalence_study_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."prevalence_study"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_estimate" ADD CONSTRAINT "prevalence_estimate_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_list" ADD CONSTRAINT "prevalence_list_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_list" ADD CONSTRAINT "prevalence_list_study_id_prevalence_study_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."prevalence_study"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_list" ADD CONSTRAINT "prevalence_list_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_member" ADD CONSTRAINT "prevalence_member_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_member" ADD CONSTRAINT "prevalence_member_study_id_prevalence_study_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."prevalence_study"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_member" ADD CONSTRAINT "prevalence_member_list_id_prevalence_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."prevalence_list"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_study" ADD CONSTRAINT "prevalence_study_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevalence_study" ADD CONSTRAINT "prevalence_study_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prevalence_estimate_study_idx" ON "prevalence_estimate" USING btree ("municipality_id","study_id");--> statement-breakpoint
CREATE INDEX "prevalence_list_study_idx" ON "prevalence_list" USING btree ("municipality_id","study_id");--> statement-breakpoint
CREATE INDEX "prevalence_member_study_idx" ON "prevalence_member" USING btree ("municipality_id","study_id");--> statement-breakpoint
CREATE INDEX "prevalence_study_municipality_idx" ON "prevalence_study" USING btree ("municipality_id");