CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"area" smallint NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"target" double precision NOT NULL,
	"target_unit" text NOT NULL,
	"quarters" jsonb NOT NULL,
	"person_in_charge_id" uuid,
	"budget" bigint,
	"lke_codes" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_realisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"quarter" smallint NOT NULL,
	"achieved" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_ids" jsonb NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" smallint NOT NULL,
	"status" text NOT NULL,
	"return_note" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"returned_by" uuid,
	"returned_at" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"forwarded_to_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_unit_year_area_key" ON "action_plans" USING btree ("unit_id","year","area");--> statement-breakpoint
CREATE INDEX "plan_activities_plan_idx" ON "plan_activities" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_comments_activity_idx" ON "plan_comments" USING btree ("activity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_realisations_activity_quarter_key" ON "plan_realisations" USING btree ("activity_id","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_reports_unit_year_quarter_key" ON "plan_reports" USING btree ("unit_id","year","quarter");