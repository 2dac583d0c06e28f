CREATE TABLE "document_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"letterhead" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"logo" text,
	"leader_title" text,
	"place" text,
	"time_zone" text DEFAULT 'WIB' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filed_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"data_sha256" text NOT NULL,
	"data" jsonb NOT NULL,
	"filed_by" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by" uuid
);
--> statement-breakpoint
CREATE INDEX "filed_documents_subject_idx" ON "filed_documents" USING btree ("kind","subject_key");--> statement-breakpoint
CREATE INDEX "filed_documents_sha256_idx" ON "filed_documents" USING btree ("sha256");