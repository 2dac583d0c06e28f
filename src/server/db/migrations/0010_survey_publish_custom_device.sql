CREATE TABLE "survey_device_uses" (
	"campaign_id" uuid NOT NULL,
	"device_token_hash" text NOT NULL,
	"service_code" text NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_device_uses_campaign_id_device_token_hash_service_code_pk" PRIMARY KEY("campaign_id","device_token_hash","service_code")
);
--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD COLUMN "custom_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD COLUMN "device_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_device_uses" ADD CONSTRAINT "survey_device_uses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;