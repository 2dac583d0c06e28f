import { randomUUID } from 'node:crypto';
import { grantCovers } from '../../../core/org/can.ts';
import { canReview } from '../../../core/review/conflict-of-interest.ts';
import type { Tx } from '../../db/client.ts';
import { conflict, HttpError, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { activeGrantsForActor, findUserById } from '../auth/repo.ts';
import { findUnit } from '../units/repo.ts';
import { assignmentExists, insertAssignment } from './repo.ts';

export type AssignEvaluatorOptions = {
  unitId: string;
  userId: string;
  level: 'tpi' | 'tpn';
  /** Positions in the unit's TPI team: which TPI stages she completes. */
  positions: string[];
  actor: AuditActor;
  now: Date;
};

const EVALUATOR_ROLE = { tpi: 'tpi_evaluator', tpn: 'tpn_evaluator' } as const;

/**
 * Assigns an evaluator to review a unit. She must hold the evaluator role over the unit, and nobody reviews a unit
 * in which, or above which, she holds any other role: the refusal lists each conflicting grant, so the assignment
 * screen can say why.
 */
export const assignEvaluator = async (tx: Tx, options: AssignEvaluatorOptions): Promise<string> => {
  const unit = await findUnit(tx, options.unitId);
  if (!unit) throw notFound('Unit');
  const user = await findUserById(tx, options.userId);
  if (!user || !user.active) throw notFound('User');
  const grants = await activeGrantsForActor(tx, user.id);
  const role = EVALUATOR_ROLE[options.level];
  if (!grants.some((g) => g.role === role && grantCovers(g, unit.path))) {
    throw new HttpError(400, 'NOT_AN_EVALUATOR', `The user holds no ${role} role over this unit.`);
  }
  const review = canReview(grants, unit.path);
  if (!review.ok) throw new HttpError(400, review.error.code, review.error.message, review.error.details);
  if (await assignmentExists(tx, unit.id, user.id, options.level)) {
    throw conflict('ALREADY_ASSIGNED', 'She is already assigned to review this unit.');
  }
  const id = randomUUID();
  await insertAssignment(tx, {
    id,
    unitId: unit.id,
    userId: user.id,
    level: options.level,
    positions: [...new Set(options.positions)],
    assignedBy: options.actor.id,
    createdAt: options.now,
  });
  await writeAudit(tx, {
    actor: options.actor,
    action: 'review.evaluator_assigned',
    subjectType: 'review_assignment',
    subjectId: id,
    unit: { id: unit.id, path: unit.path },
    after: { userId: user.id, email: user.email, level: options.level, positions: options.positions },
    now: options.now,
  });
  return id;
};
