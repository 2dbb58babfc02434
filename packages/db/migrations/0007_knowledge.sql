CREATE TABLE "knowledge_article" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"lang" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"services" text[] NOT NULL,
	"forms" text[] NOT NULL,
	"content_version" integer,
	"version" integer NOT NULL,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"services" text[] NOT NULL,
	"forms" text[] NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_content_article" (
	"slug" text NOT NULL,
	"lang" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"services" text[] NOT NULL,
	"forms" text[] NOT NULL,
	"sources" text[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_content_article_slug_lang_pk" PRIMARY KEY("slug","lang")
);
--> statement-breakpoint
CREATE TABLE "training_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"module_version" integer NOT NULL,
	"lang" text NOT NULL,
	"questions" jsonb NOT NULL,
	"pass_score" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"score" integer,
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "training_completion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"module_version" integer NOT NULL,
	"score" integer NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date NOT NULL,
	"attempt_id" uuid
);
--> statement-breakpoint
CREATE TABLE "training_plan_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"measure_lineage_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"organisation_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_share" integer NOT NULL,
	"target_date" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"module_key" text NOT NULL,
	"pass_score" integer NOT NULL,
	"refresh_months" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "knowledge_article" ADD CONSTRAINT "knowledge_article_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article" ADD CONSTRAINT "knowledge_article_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_version" ADD CONSTRAINT "knowledge_article_version_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_version" ADD CONSTRAINT "knowledge_article_version_article_id_knowledge_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_version" ADD CONSTRAINT "knowledge_article_version_changed_by_user_id_app_user_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempt" ADD CONSTRAINT "training_attempt_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempt" ADD CONSTRAINT "training_attempt_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_attempt_id_training_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."training_attempt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_link" ADD CONSTRAINT "training_plan_link_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_link" ADD CONSTRAINT "training_plan_link_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_link" ADD CONSTRAINT "training_plan_link_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_setting" ADD CONSTRAINT "training_setting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_setting" ADD CONSTRAINT "training_setting_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_slug_idx" ON "knowledge_article" USING btree ("municipality_id","slug","lang");--> statement-breakpoint
CREATE INDEX "knowledge_article_search_idx" ON "knowledge_article" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_version_idx" ON "knowledge_article_version" USING btree ("municipality_id","article_id","version");--> statement-breakpoint
CREATE INDEX "knowledge_content_article_search_idx" ON "knowledge_content_article" USING gin ("search");--> statement-breakpoint
CREATE INDEX "training_attempt_user_idx" ON "training_attempt" USING btree ("municipality_id","user_id","module_key");--> statement-breakpoint
CREATE INDEX "training_completion_module_idx" ON "training_completion" USING btree ("municipality_id","module_key","user_id");--> statement-breakpoint
CREATE INDEX "training_completion_user_idx" ON "training_completion" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_link_measure_idx" ON "training_plan_link" USING btree ("municipality_id","measure_lineage_id","module_key");--> statement-breakpoint
CREATE UNIQUE INDEX "training_setting_module_idx" ON "training_setting" USING btree ("municipality_id","module_key");