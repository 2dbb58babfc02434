CREATE INDEX "tip_activity_sort_idx" ON "tip" USING btree ("municipality_id","last_activity_on","id");--> statement-breakpoint
CREATE INDEX "tip_submitted_sort_idx" ON "tip" USING btree ("municipality_id","submitted_on","id");--> statement-breakpoint
CREATE INDEX "tip_status_sort_idx" ON "tip" USING btree ("municipality_id","status","id");--> statement-breakpoint
CREATE INDEX "case_referral_org_sent_idx" ON "case_referral" USING btree ("municipality_id","organisation_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "case_referral_org_due_idx" ON "case_referral" USING btree ("municipality_id","organisation_id","answer_due_at","id");--> statement-breakpoint
CREATE INDEX "case_referral_org_status_idx" ON "case_referral" USING btree ("municipality_id","organisation_id","status","id");
