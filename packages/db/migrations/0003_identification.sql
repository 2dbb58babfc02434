CREATE TABLE "concern" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"screening_id" uuid,
	"reporter_user_id" uuid NOT NULL,
	"reporter_organisation_id" uuid NOT NULL,
	"context" text NOT NULL,
	"suspected_forms" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"possible_minor" boolean NOT NULL,
	"profile" jsonb,
	"level" text,
	"status" text DEFAULT 'new' NOT NULL,
	"assigned_user_id" uuid,
	"close_reason" text,
	"closed_at" timestamp with time zone,
	"child_welfare_due_at" timestamp with time zone,
	"person_enc" text,
	"reporter_contact_enc" text,
	"note_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_pathway" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"context" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"suspected_forms" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"possible_minor" boolean NOT NULL,
	"answers" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"level" text NOT NULL,
	"next_step_rule_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_screening_id_screening_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_reporter_user_id_app_user_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_reporter_organisation_id_organisation_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_assigned_user_id_app_user_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_message" ADD CONSTRAINT "concern_message_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_message" ADD CONSTRAINT "concern_message_concern_id_concern_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concern"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_message" ADD CONSTRAINT "concern_message_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_pathway" ADD CONSTRAINT "referral_pathway_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_pathway" ADD CONSTRAINT "referral_pathway_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening" ADD CONSTRAINT "screening_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening" ADD CONSTRAINT "screening_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening" ADD CONSTRAINT "screening_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_municipality_idx" ON "concern" USING btree ("municipality_id","status","created_at");--> statement-breakpoint
CREATE INDEX "concern_reporter_idx" ON "concern" USING btree ("municipality_id","reporter_user_id");--> statement-breakpoint
CREATE INDEX "concern_assigned_idx" ON "concern" USING btree ("municipality_id","assigned_user_id");--> statement-breakpoint
CREATE INDEX "concern_message_concern_idx" ON "concern_message" USING btree ("municipality_id","concern_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_pathway_municipality_idx" ON "referral_pathway" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "screening_municipality_idx" ON "screening" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "screening_creator_idx" ON "screening" USING btree ("municipality_id","created_by_user_id");