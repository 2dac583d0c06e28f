import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { LevelId } from '../../../core/review/answer-levels.ts';
import type { ReviewState, ReviewStatus } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { auditLog, employees, reviewAssignments, users } from '../../db/schema.ts';
import { positionsOf } from '../reviews/positions.ts';
import { levelDone } from './level-done.ts';

export type LheEvaluator = { name: string; nip: string | null; positions: string[] };
/** The step that finished the level: what was decided, by whom, when, and the note given with it. */
export type LheDecision = { action: string; by: string; at: string; note: string };

/** The evaluators assigned to the unit for the level's team (TPI or TPN), with their NIP where on record. */
export const evaluatorsOf = async (tx: Tx, unitId: string, level: LevelId): Promise<LheEvaluator[]> => {
  const team = level.startsWith('tpn_')
    ? 'tpn'
    : level.startsWith('tpi:') || level === 'preliminary'
      ? 'tpi'
      : null;
  if (!team) return [];
  const rows = await tx
    .select({ userId: users.id, name: users.name, positions: reviewAssignments.positions })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.userId))
    .where(and(eq(reviewAssignments.unitId, unitId), eq(reviewAssignments.level, team)))
    .orderBy(asc(reviewAssignments.createdAt));
  if (rows.length === 0) return [];
  const records = await tx
    .select({ userId: employees.userId, name: employees.name, nip: employees.nip })
    .from(employees)
    .where(
      inArray(
        employees.userId,
        rows.map((r) => r.userId),
      ),
    );
  return rows.map((r) => {
    const person = records.find((e) => e.userId === r.userId);
    return { name: person?.name ?? r.name, nip: person?.nip ?? null, positions: positionsOf(r.positions) };
  });
};

/**
 * The workflow step that finished the level, read from the assessment's audit trail: replaying each step's
 * resulting state, the last one that turned the level from at work to done.
 */
export const decisionOf = async (
  tx: Tx,
  assessmentId: string,
  level: LevelId,
  order: readonly LevelId[],
): Promise<LheDecision | null> => {
  const steps = await tx
    .select({
      action: auditLog.action,
      label: auditLog.actorLabel,
      actorId: auditLog.actorId,
      at: auditLog.at,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'assessment'),
        eq(auditLog.subjectId, assessmentId),
        like(auditLog.action, 'review.%'),
      ),
    )
    .orderBy(asc(auditLog.seq));
  let state: ReviewState = { status: 'draft', tpiStage: 0 };
  let found: (typeof steps)[number] | null = null;
  for (const step of steps) {
    const after = step.after as { to?: ReviewStatus; tpiStage?: number } | null;
    if (!after?.to) continue;
    const next: ReviewState = { status: after.to, tpiStage: after.tpiStage ?? 0 };
    if (!levelDone(level, state, order) && levelDone(level, next, order)) found = step;
    state = next;
  }
  if (!found) return null;
  const [user] = found.actorId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, found.actorId))
    : [];
  const note = (found.after as { note?: string } | null)?.note ?? '';
  return {
    action: found.action.slice('review.'.length),
    by: user?.name ?? found.label,
    at: found.at.toISOString(),
    note,
  };
};
