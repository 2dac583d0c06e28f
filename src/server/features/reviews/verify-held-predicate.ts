import type { VerifyHeldPredicateBody } from '../../../contracts/held-predicates.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { refreshScores } from '../scores/refresh-scores.ts';
import type { UnitRef } from '../units/unit-ref.ts';
import { listAwards, standingOf } from './awards-repo.ts';
import {
  findHeldPredicate,
  presentHeldPredicate,
  syncAlreadyWbk,
  verifiedDecrees,
  verifyHeldPredicateIfVersion,
} from './held-predicates-repo.ts';

/**
 * The agency admin's or TPN's verdict on a recorded decree (optimistic). A verified decree joins the
 * predicate history; the unit's undecided assessments take the history's "already WBK" in the same
 * transaction. A rejection needs a note; a decided record is final.
 */
export const verifyHeldPredicate = async (
  tx: Tx,
  o: { unit: UnitRef; id: string; input: VerifyHeldPredicateBody; actor: AuditActor; now: Date },
) => {
  const { unit, id, input, actor, now } = o;
  const current = await findHeldPredicate(tx, unit.id, id);
  if (!current) throw notFound('Predicate record');
  if (current.version !== input.version) throw staleWrite(presentHeldPredicate(current));
  if (current.status !== 'recorded')
    throw conflict('HELD_PREDICATE_DECIDED', `The record is already ${current.status}.`);
  if (input.verdict === 'rejected' && input.note.length === 0)
    throw badRequest('NOTE_REQUIRED', 'Say why the decree is rejected.');
  const saved = await verifyHeldPredicateIfVersion(tx, id, input.version, {
    status: input.verdict,
    verificationNote: input.note || null,
    verifiedBy: actor.id,
    verifiedAt: now,
  });
  if (!saved) throw staleWrite(presentHeldPredicate((await findHeldPredicate(tx, unit.id, id)) ?? current));
  const standing = standingOf(await listAwards(tx, unit.id), await verifiedDecrees(tx, unit.id));
  for (const assessmentId of await syncAlreadyWbk(tx, unit.id, standing.alreadyWbk))
    await refreshScores(tx, assessmentId);
  const view = presentHeldPredicate(saved);
  await writeAudit(tx, {
    actor,
    action: 'predicate.held_verified',
    subjectType: 'held_predicate',
    subjectId: id,
    unit: { id: unit.id, path: unit.path },
    before: presentHeldPredicate(current),
    after: { ...view, holds: standing.holds, alreadyWbk: standing.alreadyWbk },
    now,
  });
  return view;
};
