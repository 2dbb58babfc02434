-- pg_trgm ships with PostgreSQL (contrib) and is marked trusted since PostgreSQL 13: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "audit_event_search_trgm_idx" ON "audit_event" USING gin (("action" || ' ' || "entity_type" || ' ' || coalesce("entity_id", '') || ' ' || coalesce("request_id", '') || ' ' || "actor_label") gin_trgm_ops);