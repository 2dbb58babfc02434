CREATE TABLE "case_access_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason_enc" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient_organisation_id" uuid,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text NOT NULL,
	"with_interpreter" boolean DEFAULT false NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid,
	"owner_user_id" uuid NOT NULL,
	"opened_by_user_id" uuid NOT NULL,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"age_band" text DEFAULT 'unknown' NOT NULL,
	"is_minor" boolean DEFAULT false NOT NULL,
	"nationality" text,
	"exploitation_forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"identifying_service" text DEFAULT 'unknown' NOT NULL,
	"residence_status" text DEFAULT 'unknown' NOT NULL,
	"reflection_period_start" date,
	"reflection_period_end" date,
	"police_report_made" boolean,
	"assisted_return" boolean,
	"child_welfare_measure" boolean,
	"outcome" text,
	"child_welfare_review_due_at" timestamp with time zone,
	"person_enc" text,
	"person_hash" text,
	"safety_plan_enc" text,
	"close_reason_enc" text,
	"closed_at" timestamp with time zone,
	"personal_data_erased_at" timestamp with time zone,
	"retention_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_journal_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"text_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"note_enc" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consent_id" uuid,
	"legal_basis" text,
	"legal_basis_reason_enc" text,
	"need_kind" text NOT NULL,
	"data_categories" jsonb NOT NULL,
	"shared_snapshot_enc" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"partner_note_enc" text,
	"revoke_reason_enc" text,
	"answer_due_at" timestamp with time zone NOT NULL,
	"sent_by_user_id" uuid NOT NULL,
	"responded_by_user_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title_enc" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_access_grant" ADD CONSTRAINT "case_access_grant_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grant" ADD CONSTRAINT "case_access_grant_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grant" ADD CONSTRAINT "case_access_grant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_withdrawn_by_user_id_app_user_id_fk" FOREIGN KEY ("withdrawn_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_owner_user_id_app_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_opened_by_user_id_app_user_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_journal_entry" ADD CONSTRAINT "case_journal_entry_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_journal_entry" ADD CONSTRAINT "case_journal_entry_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_journal_entry" ADD CONSTRAINT "case_journal_entry_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_need" ADD CONSTRAINT "case_need_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_need" ADD CONSTRAINT "case_need_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_consent_id_case_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."case_consent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_sent_by_user_id_app_user_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_responded_by_user_id_app_user_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_owner_user_id_app_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_grant_idx" ON "case_access_grant" USING btree ("case_id","user_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_consent_case_idx" ON "case_consent" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_file_number_idx" ON "case_file" USING btree ("municipality_id","case_number");--> statement-breakpoint
CREATE INDEX "case_file_list_idx" ON "case_file" USING btree ("municipality_id","updated_at");--> statement-breakpoint
CREATE INDEX "case_file_status_idx" ON "case_file" USING btree ("municipality_id","status","closed_at");--> statement-breakpoint
CREATE INDEX "case_file_person_hash_idx" ON "case_file" USING btree ("municipality_id","person_hash");--> statement-breakpoint
CREATE INDEX "case_file_source_idx" ON "case_file" USING btree ("municipality_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "case_journal_case_idx" ON "case_journal_entry" USING btree ("case_id","entry_date");--> statement-breakpoint
CREATE UNIQUE INDEX "case_member_unique_idx" ON "case_member" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE INDEX "case_member_user_idx" ON "case_member" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_need_kind_idx" ON "case_need" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "case_referral_case_idx" ON "case_referral" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_referral_org_idx" ON "case_referral" USING btree ("municipality_id","organisation_id","status");--> statement-breakpoint
CREATE INDEX "case_task_case_idx" ON "case_task" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_task_owner_idx" ON "case_task" USING btree ("municipality_id","owner_user_id","done_at");