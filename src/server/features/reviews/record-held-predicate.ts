import { randomUUID } from 'node:crypto';
import type { RecordHeldPredicateBody } from '../../../contracts/held-predicates.ts';
import { localDate } from '../../../core/review/calendar.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { findEvidenceRefs } from '../proposals/repo.ts';
import type { UnitRef } from '../units/unit-ref.ts';
import { insertHeldPredicate, presentHeldPredicate } from './held-predicates-repo.ts';

/** The latest calendar day anywhere in Indonesia (WIT, UTC+9): a decree dated after it is not issued yet. */
const WIT_MINUTES = 9 * 60;

/**
 * Records a predicate the unit won before Pulau, with its decree and the decree PDF (an evidence item of the
 * same unit). It waits for the agency admin's or TPN's verification before it counts anywhere.
 */
export const recordHeldPredicate = async (
  tx: Tx,
  o: { unit: UnitRef; input: RecordHeldPredicateBody; actor: AuditActor; now: Date },
) => {
  const { unit, input, actor, now } = o;
  if (input.decreeDate > localDate(now, WIT_MINUTES))
    throw badRequest('DECREE_DATE_IN_FUTURE', 'The decree is dated after today.');
  const [ref] = await findEvidenceRefs(tx, [input.evidenceId]);
  if (!ref) throw badRequest('EVIDENCE_NOT_FOUND', 'The decree PDF is not among the evidence.');
  if (ref.unitId !== unit.id)
    throw badRequest('EVIDENCE_WRONG_UNIT', 'The decree PDF belongs to another unit.');
  const row = await insertHeldPredicate(tx, {
    id: randomUUID(),
    unitId: unit.id,
    predicate: input.predicate,
    decreeNumber: input.decreeNumber,
    decreeDate: input.decreeDate,
    issuer: input.issuer,
    evidenceId: input.evidenceId,
    status: 'recorded',
    recordedBy: actor.id,
    recordedAt: now,
  });
  const view = presentHeldPredicate(row);
  await writeAudit(tx, {
    actor,
    action: 'predicate.held_recorded',
    subjectType: 'held_predicate',
    subjectId: row.id,
    unit: { id: unit.id, path: unit.path },
    after: view,
    now,
  });
  return view;
};
