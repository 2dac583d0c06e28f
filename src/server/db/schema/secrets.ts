import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Secrets that belong to the deployment rather than to one process or data folder, generated once by the first
 * process that needs them (e.g. `hash_salt`) so every process behind a load balancer uses the same value.
 */
export const deploymentSecrets = pgTable('deployment_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
