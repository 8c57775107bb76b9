CREATE TABLE "bridge_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"chat_id" text NOT NULL,
	"created_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" text
);
--> statement-breakpoint
CREATE TABLE "bridge_copies" (
	"message_id" text PRIMARY KEY NOT NULL,
	"canonical_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"part" integer DEFAULT 0 NOT NULL,
	"via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bridge_links" (
	"chat_id" text PRIMARY KEY NOT NULL,
	"bridge_id" text NOT NULL,
	"linked_by" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bridge_copies_canonical" ON "bridge_copies" USING btree ("canonical_id","chat_id");--> statement-breakpoint
CREATE INDEX "bridge_copies_created" ON "bridge_copies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bridge_links_bridge" ON "bridge_links" USING btree ("bridge_id");