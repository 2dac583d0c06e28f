import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { proposalPrerequisites } from '../../db/schema.ts';
import { prerequisiteOf } from '../../../core/review/prerequisites.ts';
import { ziStartDateOf } from '../declaration/zi-start-date.ts';
import { followUpShareOf } from '../findings/follow-up-share.ts';

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
const toValue = (r: typeof proposalPrerequisites.$inferSelect): PrerequisiteValueRow => ({
  code: r.code,
  value: r.value,
  source: 'entered',
  evidenceId: r.evidenceId,
  note: r.note,
  version: r.version,
  updatedAt: r.updatedAt,
});

/** The agency-level values of a period (rows without an assessment). */
export const loadAgencyValues = async (
  tx: Tx,
  periodId: string,
): Promise<Map<string, PrerequisiteValueRow>> => {
  const rows = await tx
    .select()
    .from(proposalPrerequisites)
    .where(and(eq(proposalPrerequisites.periodId, periodId), isNull(proposalPrerequisites.assessmentId)));
  return new Map(
    rows.filter((r) => prerequisiteOf(r.code)?.level === 'agency').map((r) => [r.code, toValue(r)]),
  );
};

/**
 * The values of one assessment's prerequisites: agency-level rows of its period, unit-level rows of the
 * assessment itself, then the facts Pulau holds itself (the declaration's date for the year of building),
 * which replace what was typed because they are the record.
 */
export const loadPrerequisiteValues = async (
  tx: Tx,
  assessment: AssessmentRef,
  now: Date,
): Promise<Map<string, PrerequisiteValueRow>> => {
  const values = await loadAgencyValues(tx, assessment.periodId);
  const rows = await tx
    .select()
    .from(proposalPrerequisites)
    .where(
      and(
        eq(proposalPrerequisites.periodId, assessment.periodId),
        eq(proposalPrerequisites.assessmentId, assessment.id),
      ),
    );
  for (const r of rows) if (prerequisiteOf(r.code)?.level === 'unit') values.set(r.code, toValue(r));
  for (const fact of await recordedFacts(tx, assessment.unitId, now)) values.set(fact.code, fact);
  return values;
};

/** Prerequisites Pulau may answer from its own records, so nobody types them: code → where from. */
export const RECORDED_CODES: Readonly<Record<string, ValueSource>> = {
  zi_one_year: 'declaration',
  audit_follow_up: 'findings',
};

const recorded = (code: string, value: unknown, source: ValueSource, note: string): PrerequisiteValueRow => ({
  code,
  value,
  source,
  evidenceId: null,
  note,
  version: null,
  updatedAt: null,
});

/**
 * The declaration's date, and the findings register's follow-up share once the register holds a finding (an
 * empty register says nothing: it may simply not be kept in Pulau, so the share is then entered by hand).
 */
const recordedFacts = async (tx: Tx, unitId: string, now: Date): Promise<PrerequisiteValueRow[]> => {
  const out: PrerequisiteValueRow[] = [];
  const declared = await ziStartDateOf(tx, unitId);
  if (declared) out.push(recorded('zi_one_year', { startDate: declared }, 'declaration', ''));
  const share = await followUpShareOf(tx, unitId, now);
  if (share.total > 0) out.push(recorded('audit_follow_up', { percent: share.percent }, 'findings', ''));
  return out;
};
