import type { PrerequisiteView } from '../../../contracts/proposals.ts';
import type { CalendarDate } from '../../../core/review/calendar.ts';
import {
  PREREQUISITES,
  prerequisiteMet,
  type PrerequisiteLevel,
} from '../../../core/review/prerequisites.ts';
import type { Tx } from '../../db/client.ts';
import type { PrerequisiteValueRow } from './prerequisite-values.ts';
import { findEvidenceRefs } from './repo.ts';

/**
 * The catalogue entries of `levels` as a screen shows them, each with its value (or nothing yet), its evidence
 * and whether it is met for WBK and for WBBM today. `editableLevels` are those this request may write; a value
 * taken from Pulau's own records is never editable.
 */
export const presentPrerequisites = async (
  tx: Tx,
  values: ReadonlyMap<string, PrerequisiteValueRow>,
  opts: {
    levels: readonly PrerequisiteLevel[];
    editableLevels: readonly PrerequisiteLevel[];
    today: CalendarDate;
  },
): Promise<PrerequisiteView[]> => {
  const entries = PREREQUISITES.filter((p) => opts.levels.includes(p.level));
  const evidenceIds = [...values.values()].flatMap((v) => (v.evidenceId ? [v.evidenceId] : []));
  const refs = new Map((await findEvidenceRefs(tx, evidenceIds)).map((e) => [e.id, e]));
  return entries.map((p) => {
    const v = values.get(p.code);
    const met = (target: 'WBK' | 'WBBM') => prerequisiteMet(p.code, v?.value, { target, today: opts.today });
    return {
      code: p.code,
      level: p.level,
      input: p.input,
      text: p.text,
      certainty: p.certainty,
      value: v?.value ?? null,
      source: v?.source ?? null,
      met: { WBK: met('WBK'), WBBM: met('WBBM') },
      evidence: v?.evidenceId ? (refs.get(v.evidenceId) ?? null) : null,
      note: v?.note ?? '',
      version: v?.version ?? 0,
      updatedAt: v?.updatedAt?.toISOString() ?? null,
      editable: opts.editableLevels.includes(p.level) && (v?.source ?? 'entered') === 'entered',
    };
  });
};
