CREATE TABLE "survey_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_label" text NOT NULL,
	"kind" text NOT NULL,
	"questionnaire_id" text NOT NULL,
	"questionnaire_version" text NOT NULL,
	"services" jsonb NOT NULL,
	"sampling_method" text NOT NULL,
	"target_sample" integer NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"require_codes" boolean DEFAULT false NOT NULL,
	"proof_of_work" boolean DEFAULT false NOT NULL,
	"min_seconds" integer,
	"exclude_flags" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_codes" (
	"campaign_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_codes_campaign_id_code_hash_pk" PRIMARY KEY("campaign_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"service_code" text,
	"screening" text NOT NULL,
	"answers" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"duration_seconds" integer,
	"flags" jsonb NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"body_hash" text NOT NULL,
	"device_token_hash" text,
	"ip_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_campaigns_unit_idx" ON "survey_campaigns" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_idempotency_key" ON "survey_responses" USING btree ("campaign_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_idx" ON "survey_responses" USING btree ("campaign_id","created_at");