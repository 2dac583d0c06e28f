CREATE TABLE "declarations" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"declared_on" text NOT NULL,
	"mode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes_evidence_id" uuid,
	"media_evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pact_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pact_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"document_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"via" text NOT NULL,
	"signer_user_id" uuid,
	"link_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pact_signing_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pact_documents_unit_version_key" ON "pact_documents" USING btree ("unit_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "pact_signatures_document_employee_key" ON "pact_signatures" USING btree ("document_id","employee_id");--> statement-breakpoint
CREATE INDEX "pact_signatures_unit_idx" ON "pact_signatures" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pact_signing_links_token_key" ON "pact_signing_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "pact_signing_links_employee_idx" ON "pact_signing_links" USING btree ("employee_id");