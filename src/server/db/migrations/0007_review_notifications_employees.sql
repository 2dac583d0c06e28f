CREATE TABLE "item_reviews" (
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"return_note" text DEFAULT '' NOT NULL,
	"returned_at" text,
	"revisions" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "item_reviews_assessment_id_code_pk" PRIMARY KEY("assessment_id","code")
);
--> statement-breakpoint
CREATE TABLE "predicate_awards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"predicate" text NOT NULL,
	"decree_number" text NOT NULL,
	"decree_date" text NOT NULL,
	"decided_by" uuid,
	"revoked_on" text,
	"revocation_reason" text,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_prerequisites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"assessment_id" uuid,
	"code" text NOT NULL,
	"value" jsonb NOT NULL,
	"met" boolean NOT NULL,
	"evidence_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "proposal_prerequisites_key" UNIQUE NULLS NOT DISTINCT("period_id","assessment_id","code")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"cover_letter_evidence_id" uuid,
	"statement_evidence_id" uuid,
	"proposed_at" timestamp with time zone,
	"proposed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"nip" text,
	"position" text DEFAULT '' NOT NULL,
	"grade" text DEFAULT '' NOT NULL,
	"email" text,
	"user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "tpi_stage" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "proposal_deadline" text;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "proposal_quota" integer;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD COLUMN "positions" jsonb DEFAULT '["member"]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "predicate_awards_unit_idx" ON "predicate_awards" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "proposal_prerequisites_assessment_idx" ON "proposal_prerequisites" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "proposals_period_agency_idx" ON "proposals" USING btree ("period_id","agency_id");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_sent_key" ON "reminders_sent" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_unit_nip_key" ON "employees" USING btree ("unit_id","nip");--> statement-breakpoint
CREATE INDEX "employees_unit_idx" ON "employees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employees_user_idx" ON "employees" USING btree ("user_id");--> statement-breakpoint
-- The workspace's "approved by the unit's leader" is the review workflow's hand-over to TPI.
UPDATE "assessments" SET "status" = 'tpi_review' WHERE "status" = 'approved';
