CREATE TABLE "help_counters" (
	"scope" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "help_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"offerer_id" text NOT NULL,
	"offerer_name" text NOT NULL,
	"group_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"scope" text NOT NULL,
	"number" integer NOT NULL,
	"origin_group" text NOT NULL,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "help_events" ADD CONSTRAINT "help_events_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_offers" ADD CONSTRAINT "help_offers_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_events_request" ON "help_events" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_offers_request_offerer" ON "help_offers" USING btree ("request_id","offerer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_source" ON "help_requests" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_scope_number" ON "help_requests" USING btree ("scope","number");--> statement-breakpoint
CREATE INDEX "help_requests_status_expires" ON "help_requests" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "help_requests_author" ON "help_requests" USING btree ("author_id");