CREATE TABLE "alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"source_group" text NOT NULL,
	"author_id" text,
	"text" text NOT NULL,
	"text_key" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"envelope_id" text NOT NULL,
	"decided_envelope_id" text,
	"decided_by" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alerts_envelope_id_unique" UNIQUE("envelope_id")
);
--> statement-breakpoint
CREATE TABLE "community_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_codes" ADD CONSTRAINT "community_codes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_community_sent" ON "alerts" USING btree ("community_id","sent_at");--> statement-breakpoint
CREATE INDEX "alerts_author_created" ON "alerts" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "community_codes_community" ON "community_codes" USING btree ("community_id");