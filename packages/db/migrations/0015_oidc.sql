CREATE TABLE "oidc_identity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_login_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"state_hash" text NOT NULL,
	"secrets_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_auth_method" text NOT NULL,
	"client_secret_enc" text,
	"private_key_enc" text,
	"scopes" text NOT NULL,
	"subject_claim" text NOT NULL,
	"email_claim" text NOT NULL,
	"name_claim" text NOT NULL,
	"groups_claim" text DEFAULT '' NOT NULL,
	"role_mappings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mfa_acr_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mfa_amr_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"jit_enabled" boolean DEFAULT false NOT NULL,
	"jit_organisation_id" uuid,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "is_break_glass" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "oidc_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "oidc_identity" ADD CONSTRAINT "oidc_identity_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_identity" ADD CONSTRAINT "oidc_identity_provider_id_oidc_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."oidc_provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_identity" ADD CONSTRAINT "oidc_identity_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_login_attempt" ADD CONSTRAINT "oidc_login_attempt_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_login_attempt" ADD CONSTRAINT "oidc_login_attempt_provider_id_oidc_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."oidc_provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_provider" ADD CONSTRAINT "oidc_provider_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_provider" ADD CONSTRAINT "oidc_provider_jit_organisation_id_organisation_id_fk" FOREIGN KEY ("jit_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "oidc_identity_subject_idx" ON "oidc_identity" USING btree ("provider_id","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "oidc_identity_user_idx" ON "oidc_identity" USING btree ("provider_id","user_id");--> statement-breakpoint
CREATE INDEX "oidc_identity_municipality_idx" ON "oidc_identity" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oidc_login_attempt_state_idx" ON "oidc_login_attempt" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "oidc_provider_municipality_idx" ON "oidc_provider" USING btree ("municipality_id");