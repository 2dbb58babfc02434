ALTER TABLE "case_file" ADD COLUMN "reopen_reason_enc" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "erasure_reason_enc" text;