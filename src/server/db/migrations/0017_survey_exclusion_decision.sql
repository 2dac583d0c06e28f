ALTER TABLE "survey_campaigns" ADD COLUMN "exclusion_reason" text;--> statement-breakpoint
-- Campaigns made before this had every flag left out by default, a decision nobody recorded: they now count
-- every valid response (PermenPANRB 14/2017, 90/2021; docs/review.md, survey-all-valid-responses).
UPDATE "survey_campaigns" SET "exclude_flags" = '[]'::jsonb WHERE "exclusion_reason" IS NULL;
