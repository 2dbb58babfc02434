CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"parent_id" uuid,
	"template_key" text,
	"area" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid,
	"partner_organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"responsible_person" text DEFAULT '' NOT NULL,
	"start_date" date,
	"due_date" date,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"weight" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_measure_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"author_user_id" uuid,
	"source" text NOT NULL,
	"action_item_id" uuid,
	"occurred_on" date NOT NULL,
	"text" text NOT NULL,
	"progress_before" integer,
	"progress_after" integer,
	"status_before" text,
	"status_after" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"decision_ref" text,
	"decision_date" date,
	"adopted_at" timestamp with time zone,
	"adopted_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_action_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner_organisation_id" uuid,
	"due_date" date,
	"measure_id" uuid,
	"completed_on" date,
	"completed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "coop_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"minutes_enc" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_meeting_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"notes_enc" text DEFAULT '' NOT NULL,
	"decision_enc" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"group_role" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"situation" text NOT NULL,
	"contact" text NOT NULL,
	"organisation_id" uuid,
	"phone" text NOT NULL,
	"what_to_tell" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_plan_version_id_plan_version_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_parent_id_plan_measure_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_update" ADD CONSTRAINT "plan_measure_update_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_update" ADD CONSTRAINT "plan_measure_update_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_update" ADD CONSTRAINT "plan_measure_update_measure_id_plan_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_update" ADD CONSTRAINT "plan_measure_update_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestone" ADD CONSTRAINT "plan_milestone_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestone" ADD CONSTRAINT "plan_milestone_measure_id_plan_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_adopted_by_user_id_app_user_id_fk" FOREIGN KEY ("adopted_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_action_item" ADD CONSTRAINT "coop_action_item_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_action_item" ADD CONSTRAINT "coop_action_item_meeting_id_coop_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coop_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_action_item" ADD CONSTRAINT "coop_action_item_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_action_item" ADD CONSTRAINT "coop_action_item_measure_id_plan_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_action_item" ADD CONSTRAINT "coop_action_item_completed_by_user_id_app_user_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting" ADD CONSTRAINT "coop_meeting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting_attendance" ADD CONSTRAINT "coop_meeting_attendance_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting_attendance" ADD CONSTRAINT "coop_meeting_attendance_meeting_id_coop_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coop_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting_attendance" ADD CONSTRAINT "coop_meeting_attendance_member_id_coop_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."coop_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting_item" ADD CONSTRAINT "coop_meeting_item_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_meeting_item" ADD CONSTRAINT "coop_meeting_item_meeting_id_coop_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coop_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_member" ADD CONSTRAINT "coop_member_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_member" ADD CONSTRAINT "coop_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_entry" ADD CONSTRAINT "routing_entry_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_entry" ADD CONSTRAINT "routing_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_entry" ADD CONSTRAINT "routing_entry_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_municipality_idx" ON "plan" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "plan_measure_version_idx" ON "plan_measure" USING btree ("municipality_id","plan_version_id","area","position");--> statement-breakpoint
CREATE INDEX "plan_measure_lineage_idx" ON "plan_measure" USING btree ("municipality_id","lineage_id");--> statement-breakpoint
CREATE INDEX "plan_measure_owner_idx" ON "plan_measure" USING btree ("municipality_id","owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_measure_version_lineage_idx" ON "plan_measure" USING btree ("plan_version_id","lineage_id");--> statement-breakpoint
CREATE INDEX "plan_measure_update_lineage_idx" ON "plan_measure_update" USING btree ("municipality_id","plan_id","lineage_id","occurred_on");--> statement-breakpoint
CREATE INDEX "plan_milestone_measure_idx" ON "plan_milestone" USING btree ("municipality_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_version_number_idx" ON "plan_version" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_version_municipality_idx" ON "plan_version" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "coop_action_item_meeting_idx" ON "coop_action_item" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "coop_action_item_measure_idx" ON "coop_action_item" USING btree ("municipality_id","measure_id");--> statement-breakpoint
CREATE INDEX "coop_meeting_municipality_idx" ON "coop_meeting" USING btree ("municipality_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coop_attendance_member_idx" ON "coop_meeting_attendance" USING btree ("meeting_id","member_id");--> statement-breakpoint
CREATE INDEX "coop_meeting_item_meeting_idx" ON "coop_meeting_item" USING btree ("municipality_id","meeting_id");--> statement-breakpoint
CREATE INDEX "coop_member_municipality_idx" ON "coop_member" USING btree ("municipality_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_entry_situation_idx" ON "routing_entry" USING btree ("municipality_id","situation");