DROP INDEX "audit_event_time_idx";--> statement-breakpoint
DROP INDEX "audit_event_actor_idx";--> statement-breakpoint
DROP INDEX "screening_municipality_idx";--> statement-breakpoint
DROP INDEX "screening_creator_idx";--> statement-breakpoint
CREATE INDEX "audit_event_action_sort_idx" ON "audit_event" USING btree ("municipality_id","action","id");--> statement-breakpoint
CREATE INDEX "audit_event_type_sort_idx" ON "audit_event" USING btree ("municipality_id","entity_type","id");--> statement-breakpoint
CREATE INDEX "screening_context_sort_idx" ON "screening" USING btree ("municipality_id","context","id");--> statement-breakpoint
CREATE INDEX "screening_level_sort_idx" ON "screening" USING btree ("municipality_id","level","id");--> statement-breakpoint
CREATE INDEX "audit_event_time_idx" ON "audit_event" USING btree ("municipality_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("municipality_id","actor_user_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "screening_municipality_idx" ON "screening" USING btree ("municipality_id","created_at","id");--> statement-breakpoint
CREATE INDEX "screening_creator_idx" ON "screening" USING btree ("municipality_id","created_by_user_id","created_at","id");--> statement-breakpoint
DROP INDEX "app_user_municipality_idx";--> statement-breakpoint
CREATE INDEX "app_user_created_sort_idx" ON "app_user" USING btree ("municipality_id","created_at","id");--> statement-breakpoint
CREATE INDEX "app_user_municipality_idx" ON "app_user" USING btree ("municipality_id","name","id");