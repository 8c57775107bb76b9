CREATE TABLE "faq_unanswered" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"community_id" integer,
	"asker_id" text NOT NULL,
	"question" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "faq_unanswered" ADD CONSTRAINT "faq_unanswered_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_unanswered" ADD CONSTRAINT "faq_unanswered_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_unanswered_group" ON "faq_unanswered" USING btree ("group_id","id");--> statement-breakpoint
CREATE INDEX "faq_unanswered_asker" ON "faq_unanswered" USING btree ("asker_id");