CREATE TABLE "faq_picks" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"group_id" text NOT NULL,
	"asker_id" text NOT NULL,
	"lang" text NOT NULL,
	"question" text NOT NULL,
	"normalised" text NOT NULL,
	"moderator" boolean DEFAULT false NOT NULL,
	"picked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "faq_picks" ADD CONSTRAINT "faq_picks_entry_id_faq_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."faq_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_picks" ADD CONSTRAINT "faq_picks_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "faq_picks_once" ON "faq_picks" USING btree ("entry_id","normalised","asker_id");--> statement-breakpoint
CREATE INDEX "faq_picks_group" ON "faq_picks" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "faq_picks_asker" ON "faq_picks" USING btree ("asker_id");