import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { asc, getTableColumns, getTableName, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import {
  answers,
  assessments,
  auditLog,
  blobs,
  evidence,
  evidenceLinks,
  evidenceVersions,
  itemComments,
  periods,
  reviewAssignments,
  itemReviews,
  reviewSettings,
  assessmentScores,
  proposalPrerequisites,
  proposals,
  predicateAwards,
  notifications,
  emailOutbox,
  remindersSent,
  employees,
  pactDocuments,
  pactSignatures,
  pactSigningLinks,
  declarations,
  teamDecrees,
  teamMembers,
  teamRoleGrants,
  findings,
  changeAgents,
  changeAgentChanges,
  answerFeeds,
  actionPlans,
  planActivities,
  planRealisations,
  planComments,
  planReports,
  roleGrants,
  sessions,
  surveyCampaigns,
  surveyCodes,
  surveyDeviceUses,
  surveyResponses,
  units,
  users,
} from './schema.ts';

/** Every table (the files of blobs live in the blob store: back it up too), parents before children, each with the order that keeps foreign keys satisfied on restore. */
const TABLES: Array<{ table: PgTable; order: Column[] }> = [
  { table: units, order: [units.depth, units.id] },
  { table: users, order: [users.id] },
  { table: roleGrants, order: [roleGrants.id] },
  { table: sessions, order: [sessions.id] },
  { table: periods, order: [periods.id] },
  { table: assessments, order: [assessments.id] },
  { table: answers, order: [answers.assessmentId, answers.level, answers.code] },
  { table: itemComments, order: [itemComments.id] },
  { table: blobs, order: [blobs.sha256] },
  { table: evidence, order: [evidence.id] },
  { table: evidenceVersions, order: [evidenceVersions.id] },
  { table: evidenceLinks, order: [evidenceLinks.evidenceId, evidenceLinks.assessmentId, evidenceLinks.code] },
  { table: surveyCampaigns, order: [surveyCampaigns.id] },
  { table: surveyResponses, order: [surveyResponses.id] },
  { table: surveyCodes, order: [surveyCodes.campaignId, surveyCodes.codeHash] },
  {
    table: surveyDeviceUses,
    order: [surveyDeviceUses.campaignId, surveyDeviceUses.deviceTokenHash, surveyDeviceUses.serviceCode],
  },
  { table: reviewAssignments, order: [reviewAssignments.id] },
  { table: itemReviews, order: [itemReviews.assessmentId, itemReviews.code] },
  { table: reviewSettings, order: [reviewSettings.agencyId] },
  { table: assessmentScores, order: [assessmentScores.assessmentId, assessmentScores.level] },
  { table: proposalPrerequisites, order: [proposalPrerequisites.id] },
  { table: proposals, order: [proposals.assessmentId] },
  { table: predicateAwards, order: [predicateAwards.id] },
  { table: notifications, order: [notifications.id] },
  { table: emailOutbox, order: [emailOutbox.id] },
  { table: remindersSent, order: [remindersSent.key] },
  { table: employees, order: [employees.id] },
  { table: pactDocuments, order: [pactDocuments.id] },
  { table: pactSignatures, order: [pactSignatures.id] },
  { table: pactSigningLinks, order: [pactSigningLinks.id] },
  { table: declarations, order: [declarations.unitId] },
  { table: teamDecrees, order: [teamDecrees.id] },
  { table: teamMembers, order: [teamMembers.decreeId, teamMembers.area, teamMembers.employeeId] },
  { table: teamRoleGrants, order: [teamRoleGrants.grantId] },
  { table: findings, order: [findings.id] },
  { table: changeAgents, order: [changeAgents.id] },
  { table: changeAgentChanges, order: [changeAgentChanges.id] },
  { table: answerFeeds, order: [answerFeeds.assessmentId, answerFeeds.code] },
  { table: actionPlans, order: [actionPlans.id] },
  { table: planActivities, order: [planActivities.id] },
  { table: planRealisations, order: [planRealisations.id] },
  { table: planComments, order: [planComments.id] },
  { table: planReports, order: [planReports.id] },
  { table: auditLog, order: [auditLog.seq] },
];

const FORMAT = 'pulau-backup';
const FORMAT_VERSION = 1;
const PAGE = 1000;

export type BackupSummary = { tables: Record<string, number> };

/**
 * Writes every row as JSON lines: a header, then `{"t": table, "r": row}` per row. Plain, streamable, readable
 * by people and by `jq`, and independent of the engine (embedded or PostgreSQL) it came from.
 */
export const backupDatabase = async (db: Db, file: string, now: Date): Promise<BackupSummary> => {
  const out = createWriteStream(file, { flags: 'wx' });
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  await write({
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: now.toISOString(),
    tables: TABLES.map((t) => getTableName(t.table)),
  });
  for (const { table, order } of TABLES) {
    const name = getTableName(table);
    counts[name] = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await db
        .select()
        .from(table)
        .orderBy(...order.map((c) => asc(c)))
        .limit(PAGE)
        .offset(offset);
      for (const row of rows) await write({ t: name, r: row });
      counts[name] += rows.length;
      if (rows.length < PAGE) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return { tables: counts };
};

const reviveRow = (table: PgTable, row: Record<string, unknown>) => {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) throw new Error(`backup has unknown column ${getTableName(table)}.${key}`);
    out[key] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
};

export class RestoreRefusedError extends Error {}

/** Restores a backup into an empty database, in one transaction: all rows or none. */
export const restoreDatabase = async (db: Db, file: string): Promise<BackupSummary> => {
  const byName = new Map(TABLES.map((t) => [getTableName(t.table), t.table]));
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const { table } of TABLES) {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
      if ((row?.n ?? 0) > 0)
        throw new RestoreRefusedError(`the database is not empty (table ${getTableName(table)} has rows)`);
    }
    let header = false;
    let batch: { table: PgTable; rows: Record<string, unknown>[] } | null = null;
    const flush = async () => {
      if (batch && batch.rows.length > 0) await tx.insert(batch.table).values(batch.rows);
      batch = null;
    };
    // Created right before the loop: readline drops lines emitted while nobody iterates (Node's documented trap).
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as {
        format?: string;
        version?: number;
        t?: string;
        r?: Record<string, unknown>;
      };
      if (!header) {
        if (record.format !== FORMAT || record.version !== FORMAT_VERSION)
          throw new RestoreRefusedError('not a Pulau backup file (version 1)');
        header = true;
        continue;
      }
      const table = record.t ? byName.get(record.t) : undefined;
      if (!table || !record.r) throw new RestoreRefusedError(`unknown table ${record.t ?? '?'} in backup`);
      if (!batch || batch.table !== table || batch.rows.length >= 200) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push(reviveRow(table, record.r));
      counts[record.t!] = (counts[record.t!] ?? 0) + 1;
    }
    await flush();
    if (!header) throw new RestoreRefusedError('the backup file is empty');
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), GREATEST((SELECT max(seq) FROM audit_log), 1), (SELECT max(seq) FROM audit_log) IS NOT NULL)`,
    );
  });
  return { tables: counts };
};
