import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from './hash-chain.ts';

/** With the chain's hash, serialises appends to one chain across every app process sharing the database. */
const AUDIT_CHAIN_LOCK = 7_140_003;

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

/** A record's chain: its unit's, else its actor's, else the system's (see `auditLog.chain`). */
export const chainOf = (options: Pick<WriteAuditOptions, 'unit' | 'actor'>): string =>
  options.unit ? `unit:${options.unit.id}` : options.actor.id ? `user:${options.actor.id}` : 'system';

/**
 * Appends one record to its chain. Call it inside the transaction that makes the change, so the change and its
 * record commit together or not at all. The chain's lock is held until that commit, so within a chain the
 * sequence order is the link order; other chains are not held up.
 */
export const writeAudit = async (tx: Tx, options: WriteAuditOptions): Promise<void> => {
  const chain = chainOf(options);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}, hashtext(${chain}))`);
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(desc(auditLog.seq))
    .limit(1);
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
    chain,
    prevHash,
    hash: auditHash(prevHash, content),
  });
};
