CREATE TABLE "address_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"scope" text NOT NULL,
	"origin_group" text NOT NULL,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"subject_id" text,
	"what" text NOT NULL,
	"who" text NOT NULL,
	"contact" text,
	"note" text,
	"lang" text NOT NULL,
	"vouches" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "address_reports" (
	"entry_id" integer NOT NULL,
	"person_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "address_reports_entry_id_person_id_pk" PRIMARY KEY("entry_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "address_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"scope" text NOT NULL,
	"closer_id" text NOT NULL,
	"helper_id" text NOT NULL,
	"helper_name" text NOT NULL,
	"what" text NOT NULL,
	"request_number" integer NOT NULL,
	"lang" text NOT NULL,
	"group_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"entry_id" integer
);
--> statement-breakpoint
CREATE TABLE "address_vouches" (
	"entry_id" integer NOT NULL,
	"person_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "address_vouches_entry_id_person_id_pk" PRIMARY KEY("entry_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "address_reports" ADD CONSTRAINT "address_reports_entry_id_address_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."address_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_vouches" ADD CONSTRAINT "address_vouches_entry_id_address_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."address_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "address_entries_source" ON "address_entries" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "address_entries_scope" ON "address_entries" USING btree ("scope");--> statement-breakpoint
CREATE INDEX "address_entries_author" ON "address_entries" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "address_reports_person" ON "address_reports" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "address_suggestions_source" ON "address_suggestions" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "address_suggestions_closer" ON "address_suggestions" USING btree ("closer_id");--> statement-breakpoint
CREATE INDEX "address_suggestions_helper" ON "address_suggestions" USING btree ("helper_id");--> statement-breakpoint
CREATE INDEX "address_vouches_person" ON "address_vouches" USING btree ("person_id");