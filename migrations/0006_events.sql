CREATE TABLE "community_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"origin_group" text NOT NULL,
	"author_id" text,
	"author_name" text,
	"title" text NOT NULL,
	"place" text,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"envelope_id" text NOT NULL,
	"decided_envelope_id" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_calendars" (
	"scope" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_calendars_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "event_copies" (
	"event_id" integer NOT NULL,
	"target" text NOT NULL,
	"message_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shown_version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_copies_event_id_target_pk" PRIMARY KEY("event_id","target")
);
--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"event_id" integer NOT NULL,
	"person_id" text NOT NULL,
	"person_name" text NOT NULL,
	"answer" text NOT NULL,
	"group_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_rsvps_event_id_person_id_pk" PRIMARY KEY("event_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "event_copies" ADD CONSTRAINT "event_copies_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_events_envelope" ON "community_events" USING btree ("envelope_id");--> statement-breakpoint
CREATE INDEX "community_events_scope_starts" ON "community_events" USING btree ("scope","starts_at");--> statement-breakpoint
CREATE INDEX "community_events_author" ON "community_events" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_person" ON "event_rsvps" USING btree ("person_id");