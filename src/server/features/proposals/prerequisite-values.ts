import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { proposalPrerequisites } from '../../db/schema.ts';
import { prerequisiteOf } from '../../../core/review/prerequisites.ts';
import { ziStartDateOf } from '../declaration/zi-start-date.ts';

/** Where a prerequisite's value comes from: typed in by a person, or a fact Pulau already holds. */
export type ValueSource = 'entered' | 'declaration' | 'findings';

export type PrerequisiteValueRow = {
  code: string;
  value: unknown;
  source: ValueSource;
  evidenceId: string | null;
  note: string;
  version: number | null;
  updatedAt: Date | null;
};

export type AssessmentRef = { id: string; periodId: string; unitId: string };

/**
 * The stored values of one assessment's prerequisites: agency-level rows of its period, unit-level rows of
 * the assessment itself, then the facts Pulau holds itself (the declaration's date for the year of building),
 * which replace what was typed because they are the record.
 */
export const loadPrerequisiteValues = async (
  tx: Tx,
  assessment: AssessmentRef,
): Promise<Map<string, PrerequisiteValueRow>> => {
  const rows = await tx
    .select()
    .from(proposalPrerequisites)
    .where(
      and(
        eq(proposalPrerequisites.periodId, assessment.periodId),
        or(isNull(proposalPrerequisites.assessmentId), eq(proposalPrerequisites.assessmentId, assessment.id)),
      ),
    );
  const values = new Map<string, PrerequisiteValueRow>();
  for (const r of rows) {
    const entry = prerequisiteOf(r.code);
    // A row counts only at its own level: an agency code on an assessment row (or the reverse) is ignored.
    if (!entry || (entry.level === 'agency') !== (r.assessmentId === null)) continue;
    values.set(r.code, {
      code: r.code,
      value: r.value,
      source: 'entered',
      evidenceId: r.evidenceId,
      note: r.note,
      version: r.version,
      updatedAt: r.updatedAt,
    });
  }
  const declared = await ziStartDateOf(tx, assessment.unitId);
  if (declared) {
    values.set('zi_one_year', {
      code: 'zi_one_year',
      value: { startDate: declared },
      source: 'declaration',
      evidenceId: null,
      note: '',
      version: values.get('zi_one_year')?.version ?? null,
      updatedAt: null,
    });
  }
  return values;
};
