CREATE TABLE "held_predicates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"predicate" text NOT NULL,
	"decree_number" text NOT NULL,
	"decree_date" text NOT NULL,
	"issuer" text NOT NULL,
	"evidence_id" uuid NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"verification_note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "held_predicates_unit_idx" ON "held_predicates" USING btree ("unit_id");