ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_chain_idx" ON "audit_log" USING btree ("chain","seq");