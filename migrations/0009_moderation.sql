CREATE TABLE "moderation_moderators" (
	"group_id" text NOT NULL,
	"person_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_moderators_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_mutes" (
	"group_id" text NOT NULL,
	"member_id" text NOT NULL,
	"until_ms" bigint NOT NULL,
	"muted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_mutes_group_id_member_id_pk" PRIMARY KEY("group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_report_votes" (
	"report_id" integer NOT NULL,
	"reporter_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_report_votes_report_id_reporter_id_pk" PRIMARY KEY("report_id","reporter_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"message_id" text NOT NULL,
	"author_id" text,
	"author_name" text,
	"text" text,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"hidden_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"posted_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moderation_report_votes" ADD CONSTRAINT "moderation_report_votes_report_id_moderation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."moderation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_moderators_person" ON "moderation_moderators" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "moderation_report_votes_reporter" ON "moderation_report_votes" USING btree ("reporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_reports_message" ON "moderation_reports" USING btree ("group_id","message_id");