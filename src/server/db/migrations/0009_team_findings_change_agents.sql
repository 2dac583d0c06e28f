CREATE TABLE "answer_feeds" (
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "answer_feeds_assessment_id_code_pk" PRIMARY KEY("assessment_id","code")
);
--> statement-breakpoint
CREATE TABLE "change_agent_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"made_on" text NOT NULL,
	"integrated" boolean DEFAULT false NOT NULL,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_agents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"designated_on" text NOT NULL,
	"decree_ref" text NOT NULL,
	"revoked_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reference" text NOT NULL,
	"finding" text NOT NULL,
	"recommendation" text NOT NULL,
	"due_date" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_decrees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'decree' NOT NULL,
	"number" text NOT NULL,
	"decreed_on" text NOT NULL,
	"valid_from" text NOT NULL,
	"evidence_id" uuid,
	"selection_method" text NOT NULL,
	"lead_employee_id" uuid NOT NULL,
	"supersedes_id" uuid,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"decree_id" uuid NOT NULL,
	"area" smallint NOT NULL,
	"employee_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "team_members_decree_id_area_employee_id_pk" PRIMARY KEY("decree_id","area","employee_id")
);
--> statement-breakpoint
CREATE TABLE "team_role_grants" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"decree_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_agent_changes_agent_idx" ON "change_agent_changes" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "change_agents_unit_idx" ON "change_agents" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_agents_unit_employee_key" ON "change_agents" USING btree ("unit_id","employee_id");--> statement-breakpoint
CREATE INDEX "findings_unit_idx" ON "findings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "team_decrees_unit_idx" ON "team_decrees" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "team_role_grants_unit_idx" ON "team_role_grants" USING btree ("unit_id");