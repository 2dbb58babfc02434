ALTER TABLE "council_report_version" ADD COLUMN "case_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "archive_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "committee" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "meeting_date" date;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "case_officer" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "recommendation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "council_report_version" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;