import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { asc, getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';
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
export const TABLES: Array<{ table: PgTable; order: Column[] }> = [
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

export const FORMAT = 'pulau-backup';
/** 2 adds the closing line (row counts and the evidence files listed by hash), so a cut-off file is caught. */
export const FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
const PAGE = 1000;

export type BackupSummary = { tables: Record<string, number> };

export type BackupOptions = {
  pageSize?: number;
  /** Called after each page is written; tests use it to write meanwhile. */
  afterPage?: (table: string) => Promise<void>;
};

/** The property name drizzle gives each order column, to read the cursor back from a row. */
const keyOf = (table: PgTable, order: Column[]) => {
  const columns = Object.entries(getTableColumns(table));
  return order.map((column) => {
    const found = columns.find(([, c]) => c === column);
    if (!found) throw new Error(`order column of ${getTableName(table)} is not its own`);
    return { property: found[0], column };
  });
};

/** `(a, b) > (x, y)`: the rows after the last one written, by the table's order (keyset paging). */
const after = (key: ReturnType<typeof keyOf>, row: Record<string, unknown>): SQL =>
  sql`(${sql.join(
    key.map((k) => k.column),
    sql`, `,
  )}) > (${sql.join(
    key.map((k) => sql.param(row[k.property], k.column)),
    sql`, `,
  )})`;

/**
 * Writes every row as JSON lines: a header, `{"t": table, "r": row}` per row, and a closing line with the row
 * counts and every evidence file by SHA-256 and size (the bytes stay in the blob store: back it up too). Plain,
 * streamable, readable by people and by `jq`, and independent of the engine it came from.
 *
 * All rows come from one snapshot (a read-only REPEATABLE READ transaction) and pages follow the order key
 * rather than an offset, so a backup taken while Pulau writes is the database at one instant: no row twice,
 * none missing, foreign keys consistent.
 */
export const backupDatabase = async (
  db: Db,
  file: string,
  now: Date,
  options: BackupOptions = {},
): Promise<BackupSummary> => {
  const pageSize = options.pageSize ?? PAGE;
  const out = createWriteStream(file, { flags: 'wx' });
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await db.transaction(
      async (tx) => {
        await write({
          format: FORMAT,
          version: FORMAT_VERSION,
          createdAt: now.toISOString(),
          tables: TABLES.map((t) => getTableName(t.table)),
        });
        for (const { table, order } of TABLES) {
          const name = getTableName(table);
          const key = keyOf(table, order);
          counts[name] = 0;
          let last: Record<string, unknown> | null = null;
          for (;;) {
            const rows: Record<string, unknown>[] = await tx
              .select()
              .from(table)
              .where(last ? after(key, last) : undefined)
              .orderBy(...order.map((c) => asc(c)))
              .limit(pageSize);
            for (const row of rows) await write({ t: name, r: row });
            counts[name] += rows.length;
            last = rows.at(-1) ?? last;
            if (options.afterPage) await options.afterPage(name);
            if (rows.length < pageSize) break;
          }
        }
        await write({ end: true, counts, files: await listFiles(tx) });
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return { tables: counts };
};

/** The evidence files the rows refer to, by hash and size, in the same snapshot. */
const listFiles = async (tx: Tx): Promise<Array<{ sha256: string; size: number }>> =>
  tx.select({ sha256: blobs.sha256, size: blobs.size }).from(blobs).orderBy(asc(blobs.sha256));

export const reviveRow = (table: PgTable, row: Record<string, unknown>) => {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) throw new RestoreRefusedError(`backup has unknown column ${getTableName(table)}.${key}`);
    out[key] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
};

export class RestoreRefusedError extends Error {}

type Pending = { line: number; row: Record<string, unknown> };

/** What PostgreSQL said, with its detail (which key, which constraint) when it gave one. */
const causeOf = (error: unknown): string => {
  const e = (error as { cause?: unknown }).cause ?? error;
  const { message, detail, constraint } = e as { message?: string; detail?: string; constraint?: string };
  return [message, detail, constraint ? `constraint ${constraint}` : null].filter(Boolean).join('; ');
};

/** The row's order key, to name it in a refusal (`id=…`, or every key column). */
const rowName = (table: PgTable, row: Record<string, unknown>) => {
  const entry = TABLES.find((t) => t.table === table);
  return entry
    ? keyOf(table, entry.order)
        .map((k) => `${k.property}=${JSON.stringify(row[k.property])}`)
        .join(', ')
    : '';
};

/**
 * Inserts a batch in a savepoint; when it fails, inserts its rows one by one to name the first that fails and
 * why (a batch error alone names neither).
 */
const insertBatch = async (tx: Tx, table: PgTable, batch: Pending[]) => {
  try {
    await tx.transaction(async (sp) => {
      await sp.insert(table).values(batch.map((p) => p.row));
    });
    return;
  } catch (batchError) {
    for (const pending of batch) {
      try {
        await tx.transaction(async (sp) => {
          await sp.insert(table).values(pending.row);
        });
      } catch (error) {
        throw new RestoreRefusedError(
          `line ${pending.line}: ${getTableName(table)} row ${rowName(table, pending.row)} cannot be restored: ${causeOf(error)}`,
        );
      }
    }
    throw new RestoreRefusedError(`${getTableName(table)}: ${causeOf(batchError)}`);
  }
};

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
    let version = 0;
    let closed = false;
    let batch: { table: PgTable; rows: Pending[] } | null = null;
    const flush = async () => {
      if (batch && batch.rows.length > 0) await insertBatch(tx, batch.table, batch.rows);
      batch = null;
    };
    // Created right before the loop: readline drops lines emitted while nobody iterates (Node's documented trap).
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      let record: {
        format?: string;
        version?: number;
        t?: string;
        r?: Record<string, unknown>;
        end?: boolean;
      };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        throw new RestoreRefusedError(`line ${lineNo} is not JSON (the file is damaged)`);
      }
      if (!header) {
        if (record.format !== FORMAT || !READABLE_VERSIONS.includes(record.version ?? 0))
          throw new RestoreRefusedError('not a Pulau backup file (version 1 or 2)');
        header = true;
        version = record.version ?? 0;
        continue;
      }
      if (record.end) {
        closed = true;
        continue;
      }
      const table = record.t ? byName.get(record.t) : undefined;
      if (!table || !record.r)
        throw new RestoreRefusedError(`line ${lineNo}: unknown table ${record.t ?? '?'} in backup`);
      if (!batch || batch.table !== table || batch.rows.length >= 200) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push({ line: lineNo, row: reviveRow(table, record.r) });
      counts[record.t!] = (counts[record.t!] ?? 0) + 1;
    }
    await flush();
    if (!header) throw new RestoreRefusedError('the backup file is empty');
    if (version >= 2 && !closed)
      throw new RestoreRefusedError('the backup file is cut off (its closing line is missing)');
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), GREATEST((SELECT max(seq) FROM audit_log), 1), (SELECT max(seq) FROM audit_log) IS NOT NULL)`,
    );
  });
  return { tables: counts };
};
