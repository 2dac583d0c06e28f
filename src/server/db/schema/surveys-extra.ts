import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { surveyCampaigns } from '../schema.ts';

/**
 * The last accepted response of each device token per campaign and service: one row, claimed by an
 * INSERT … ON CONFLICT DO UPDATE … WHERE the window has passed, so two concurrent sendings cannot both pass.
 * Only the salted hash of the token is kept; `service_code` is '' for a questionnaire without services.
 */
export const surveyDeviceUses = pgTable(
  'survey_device_uses',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id),
    deviceTokenHash: text('device_token_hash').notNull(),
    serviceCode: text('service_code').notNull(),
    /** The response that claimed the row: its retry (same key) is not a repeat. */
    idempotencyKey: uuid('idempotency_key').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.deviceTokenHash, t.serviceCode] })],
);
