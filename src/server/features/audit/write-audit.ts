import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from './hash-chain.ts';

/** Serialises chain appends across every app process sharing the database. */
const AUDIT_CHAIN_LOCK = 7_140_002;

export type AuditActor = { id: string | null; label: string; ip: string | null };

export type WriteAuditOptions = {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string | null;
  unit?: { id: string; path: string } | null;
  before?: unknown;
  after?: unknown;
  now: Date;
};

/**
 * Appends one record to the hash chain. Call it inside the transaction that makes the change, so the change
 * and its record commit together or not at all.
 */
export const writeAudit = async (tx: Tx, options: WriteAuditOptions): Promise<void> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // A JSON round trip drops undefined and Dates become strings: what is hashed is exactly what jsonb stores.
  const content: AuditContent = {
    at: options.now.toISOString(),
    actorId: options.actor.id,
    actorLabel: options.actor.label,
    action: options.action,
    subjectType: options.subjectType,
    subjectId: options.subjectId,
    unitId: options.unit?.id ?? null,
    unitPath: options.unit?.path ?? null,
    before: options.before === undefined ? null : JSON.parse(JSON.stringify(options.before)),
    after: options.after === undefined ? null : JSON.parse(JSON.stringify(options.after)),
    ip: options.actor.ip,
  };
  await tx.insert(auditLog).values({
    ...content,
    at: options.now,
    prevHash,
    hash: auditHash(prevHash, content),
  });
};
