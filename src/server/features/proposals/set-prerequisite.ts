import { randomUUID } from 'node:crypto';
import type { PutPrerequisiteBody } from '../../../contracts/proposals.ts';
import {
  parsePrerequisiteValue,
  prerequisiteMet,
  prerequisiteOf,
  type PrerequisiteLevel,
} from '../../../core/review/prerequisites.ts';
import type { Predicate, ReviewStatus } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound, staleWrite } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { agencyToday } from './agency-today.ts';
import { requireEvidenceOf } from './evidence-check.ts';
import { PROPOSED_OR_LATER } from './proposal-facts.ts';
import { RECORDED_CODES, loadPrerequisiteValues } from './prerequisite-values.ts';
import { findPrerequisiteRow, insertPrerequisiteRow, updatePrerequisiteRow } from './repo.ts';

/** Where a value is written: the period, for the whole agency; or one assessment, for its unit. */
export type PrerequisiteScope =
  | { level: 'agency'; periodId: string; agency: { id: string; path: string } }
  | {
      level: 'unit';
      periodId: string;
      agencyId: string;
      assessment: { id: string; status: string; target: string };
      unit: { id: string; path: string };
    };

/** Refuses any change to what a proposal rests on once it has gone to TPN. */
export const requireNotProposed = (status: string): void => {
  if (PROPOSED_OR_LATER.includes(status as ReviewStatus))
    throw conflict('PROPOSAL_LOCKED', 'The assessment has been proposed: its proposal data is frozen.', {
      status,
    });
};

/**
 * Records one prerequisite's value, evidence and note (optimistic: the version read, 0 for a first entry).
 * The system decides `met`; the stored flag is the check for the assessment's target (for agency rows: for
 * WBK, the lower bar) at the time of writing, for reports only: the propose guard always recomputes it.
 */
export const setPrerequisite = async (
  tx: Tx,
  args: { scope: PrerequisiteScope; code: string; input: PutPrerequisiteBody; actor: AuditActor; now: Date },
): Promise<void> => {
  const { scope, code, input, now } = args;
  const entry = prerequisiteOf(code);
  if (!entry) throw notFound('Prerequisite');
  if (entry.level !== scope.level)
    throw badRequest('PREREQUISITE_WRONG_LEVEL', `${code} is entered at ${entry.level} level.`, {
      level: entry.level as PrerequisiteLevel,
    });

  const ownerUnit = scope.level === 'agency' ? scope.agency : scope.unit;
  const agencyId = scope.level === 'agency' ? scope.agency.id : scope.agencyId;
  const assessmentId = scope.level === 'unit' ? scope.assessment.id : null;
  if (scope.level === 'unit') {
    requireNotProposed(scope.assessment.status);
    const values = await loadPrerequisiteValues(
      tx,
      { id: scope.assessment.id, periodId: scope.periodId, unitId: scope.unit.id },
      now,
    );
    const source = values.get(code)?.source;
    if (RECORDED_CODES[code] && source && source !== 'entered')
      throw conflict(
        'PREREQUISITE_FROM_RECORD',
        `${code} comes from the unit's ${source}; change it there.`,
        {
          source,
        },
      );
  }

  const parsed = parsePrerequisiteValue(code, input.value);
  if (!parsed.ok) throw badRequest('PREREQUISITE_VALUE_INVALID', parsed.message, { input: entry.input });
  await requireEvidenceOf(tx, input.evidenceId, [ownerUnit.id], 'evidenceId');

  const today = await agencyToday(tx, agencyId, now);
  const target: Predicate = scope.level === 'unit' && scope.assessment.target === 'WBBM' ? 'WBBM' : 'WBK';
  const met = prerequisiteMet(code, parsed.value, { target, today });
  const fields = { value: parsed.value, met, evidenceId: input.evidenceId, note: input.note };

  const row = await findPrerequisiteRow(tx, scope.periodId, assessmentId, code);
  const current = row
    ? { value: row.value, evidenceId: row.evidenceId, note: row.note, version: row.version }
    : null;
  if ((row?.version ?? 0) !== input.version) throw staleWrite(current);

  let id: string;
  if (row) {
    id = row.id;
    await updatePrerequisiteRow(tx, row.id, {
      ...fields,
      version: row.version + 1,
      updatedAt: now,
      updatedBy: args.actor.id,
    });
  } else {
    id = randomUUID();
    const inserted = await insertPrerequisiteRow(tx, {
      id,
      periodId: scope.periodId,
      assessmentId,
      code,
      ...fields,
      version: 1,
      updatedAt: now,
      updatedBy: args.actor.id,
    });
    // Someone else wrote the first version at the same moment.
    if (inserted.length === 0) throw staleWrite(null);
  }
  await writeAudit(tx, {
    actor: args.actor,
    action: 'proposal.prerequisite_set',
    subjectType: 'proposal_prerequisite',
    subjectId: id,
    unit: ownerUnit,
    before: current,
    after: { code, ...fields, assessmentId, periodId: scope.periodId },
    now,
  });
};
