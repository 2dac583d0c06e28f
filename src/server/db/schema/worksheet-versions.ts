import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';

/**
 * The version of each assessment's worksheet content (answers, evidence links and their files, comments, item
 * reviews): a value of the sequence `worksheet_version_seq`, replaced by database triggers on every write to
 * those tables (migration 0013), so no code path can forget it. Worksheet replies are cached by it in every
 * process. Derived data: not in backups (restored rows fire the triggers again); no foreign key, so the
 * commit-time bump takes no lock on the assessment row.
 */
export const worksheetVersions = pgTable('worksheet_versions', {
  assessmentId: uuid('assessment_id').primaryKey(),
  version: bigint('version', { mode: 'bigint' }).notNull(),
});
