CREATE TABLE "tip" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"receipt_hash" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"language" text NOT NULL,
	"place_kind" text NOT NULL,
	"minor" text NOT NULL,
	"immediate_danger" boolean NOT NULL,
	"anonymous" boolean NOT NULL,
	"content_enc" text NOT NULL,
	"contact_enc" text,
	"contact_may_be_shared" boolean DEFAULT false NOT NULL,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assigned_user_id" uuid,
	"unread_by_staff" boolean DEFAULT true NOT NULL,
	"submitted_on" date NOT NULL,
	"last_activity_on" date NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "tip_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"tip_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"author_user_id" uuid,
	"body_enc" text NOT NULL,
	"created_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_public_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"public_pages_enabled" boolean DEFAULT true NOT NULL,
	"tip_form_enabled" boolean DEFAULT true NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"retention_months" integer DEFAULT 12 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip" ADD CONSTRAINT "tip_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip" ADD CONSTRAINT "tip_assigned_user_id_app_user_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_message" ADD CONSTRAINT "tip_message_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_message" ADD CONSTRAINT "tip_message_tip_id_tip_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tip"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_message" ADD CONSTRAINT "tip_message_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_public_settings" ADD CONSTRAINT "tip_public_settings_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tip_receipt_idx" ON "tip" USING btree ("municipality_id","receipt_hash");--> statement-breakpoint
CREATE INDEX "tip_inbox_idx" ON "tip" USING btree ("municipality_id","status","submitted_on");--> statement-breakpoint
CREATE INDEX "tip_assignee_idx" ON "tip" USING btree ("municipality_id","assigned_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tip_message_seq_idx" ON "tip_message" USING btree ("municipality_id","tip_id","seq");