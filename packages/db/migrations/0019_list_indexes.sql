DROP INDEX "case_file_list_idx";--> statement-breakpoint
CREATE INDEX "concern_created_idx" ON "concern" USING btree ("municipality_id","created_at","id");--> statement-breakpoint
CREATE INDEX "concern_updated_idx" ON "concern" USING btree ("municipality_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "case_file_created_idx" ON "case_file" USING btree ("municipality_id","created_at","id");--> statement-breakpoint
CREATE INDEX "case_file_number_sort_idx" ON "case_file" USING btree ("municipality_id","case_number","id");--> statement-breakpoint
CREATE INDEX "case_file_status_sort_idx" ON "case_file" USING btree ("municipality_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "case_file_list_idx" ON "case_file" USING btree ("municipality_id","updated_at","id");