ALTER TABLE "map_service" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "map_service" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "map_settings" ADD COLUMN "tile_url" text;--> statement-breakpoint
ALTER TABLE "map_settings" ADD COLUMN "tile_attribution" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "map_settings" ADD COLUMN "tile_max_zoom" integer DEFAULT 18 NOT NULL;--> statement-breakpoint
ALTER TABLE "map_site" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "map_site" ADD COLUMN "longitude" double precision;