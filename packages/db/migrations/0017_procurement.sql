CREATE TABLE "procurement_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"agencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents_seen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"observations_enc" text,
	"created_by_user_id" uuid NOT NULL,
	"done_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"isic_section" text NOT NULL,
	"product_category" text,
	"value_nok" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"responsible_unit" text NOT NULL,
	"site_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"risk_override" text,
	"risk_reason_enc" text,
	"risk_override_by_user_id" uuid,
	"risk_override_at" timestamp with time zone,
	"closing_note_enc" text,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_declaration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"language" text DEFAULT 'nb' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"submission" jsonb,
	"submitted_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"category" text NOT NULL,
	"description_enc" text,
	"deadline_on" date,
	"sanction" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closing_note_enc" text,
	"closed_at" timestamp with time zone,
	"concern_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_measure_link" (
	"municipality_id" uuid NOT NULL,
	"measure_lineage_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_measure_link_contract_id_measure_lineage_id_pk" PRIMARY KEY("contract_id","measure_lineage_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_requirement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_subcontractor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"org_number" text DEFAULT '' NOT NULL,
	"tier" integer NOT NULL,
	"declaration_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_supplier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"org_number" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_template" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procurement_check" ADD CONSTRAINT "procurement_check_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_check" ADD CONSTRAINT "procurement_check_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_check" ADD CONSTRAINT "procurement_check_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_check" ADD CONSTRAINT "procurement_check_done_by_user_id_app_user_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contract" ADD CONSTRAINT "procurement_contract_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contract" ADD CONSTRAINT "procurement_contract_supplier_id_procurement_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."procurement_supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contract" ADD CONSTRAINT "procurement_contract_site_id_map_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."map_site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contract" ADD CONSTRAINT "procurement_contract_risk_override_by_user_id_app_user_id_fk" FOREIGN KEY ("risk_override_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contract" ADD CONSTRAINT "procurement_contract_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_declaration" ADD CONSTRAINT "procurement_declaration_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_declaration" ADD CONSTRAINT "procurement_declaration_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_declaration" ADD CONSTRAINT "procurement_declaration_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_finding" ADD CONSTRAINT "procurement_finding_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_finding" ADD CONSTRAINT "procurement_finding_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_finding" ADD CONSTRAINT "procurement_finding_check_id_procurement_check_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."procurement_check"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_finding" ADD CONSTRAINT "procurement_finding_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_measure_link" ADD CONSTRAINT "procurement_measure_link_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_measure_link" ADD CONSTRAINT "procurement_measure_link_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_measure_link" ADD CONSTRAINT "procurement_measure_link_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_requirement" ADD CONSTRAINT "procurement_requirement_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_requirement" ADD CONSTRAINT "procurement_requirement_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_subcontractor" ADD CONSTRAINT "procurement_subcontractor_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_subcontractor" ADD CONSTRAINT "procurement_subcontractor_contract_id_procurement_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_supplier" ADD CONSTRAINT "procurement_supplier_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_template" ADD CONSTRAINT "procurement_template_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_template" ADD CONSTRAINT "procurement_template_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procurement_check_contract_idx" ON "procurement_check" USING btree ("municipality_id","contract_id");--> statement-breakpoint
CREATE INDEX "procurement_contract_municipality_idx" ON "procurement_contract" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "procurement_declaration_token_idx" ON "procurement_declaration" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "procurement_declaration_contract_idx" ON "procurement_declaration" USING btree ("municipality_id","contract_id");--> statement-breakpoint
CREATE INDEX "procurement_finding_contract_idx" ON "procurement_finding" USING btree ("municipality_id","contract_id");--> statement-breakpoint
CREATE INDEX "procurement_measure_link_lineage_idx" ON "procurement_measure_link" USING btree ("municipality_id","measure_lineage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procurement_requirement_key_idx" ON "procurement_requirement" USING btree ("municipality_id","contract_id","key");--> statement-breakpoint
CREATE INDEX "procurement_subcontractor_contract_idx" ON "procurement_subcontractor" USING btree ("municipality_id","contract_id");--> statement-breakpoint
CREATE INDEX "procurement_supplier_municipality_idx" ON "procurement_supplier" USING btree ("municipality_id","org_number");