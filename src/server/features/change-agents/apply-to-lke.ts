import type { ChangeAgentInputs } from '../../../core/programme/change-agent-inputs.ts';
import { changeAgentInputs } from '../../../core/programme/change-agent-inputs.ts';
import type { ChangeAgentsApplied } from '../../../contracts/change-agents.ts';
import type { Tx } from '../../db/client.ts';
import { answerFeeds } from '../../db/schema.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { findAnswer, findAssessmentContext } from '../assessments/repo.ts';
import { saveAnswer } from '../assessments/save-answer.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { loadAgents, toCoreAgents } from './present-agents.ts';

export const FEED_KIND = 'change_agents';
const CODES = ['R1.i.a.1', 'R1.i.a.2', 'R1.i.b.1', 'R1.i.b.2'] as const;

const dayId = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
};

/** What the worksheet shows as the source of the four counts, in Indonesian as the LKE is. */
export const feedNote = (inputs: ChangeAgentInputs, from: string, to: string) =>
  `Dari data Agen Perubahan Pulau: ${inputs['R1.i.a.1']} agen, ${inputs['R1.i.a.2']} perubahan ` +
  `(${inputs['R1.i.b.2']} terintegrasi dalam sistem manajemen), ${dayId(from)} s.d. ${dayId(to)}.`;

/** The year the counts cover: the caller's, or the assessment period's calendar year. */
export const yearOf = (periodYear: number, from?: string, to?: string) => {
  const year = { from: from ?? `${periodYear}-01-01`, to: to ?? `${periodYear}-12-31` };
  if (year.from > year.to) throw badRequest('YEAR_RANGE_INVALID', 'The range must not end before it starts.');
  return year;
};

/** The counts of the unit's change agents over a year, by the core's rule. */
export const countsOf = async (tx: Tx, unitId: string, year: { from: string; to: string }) =>
  changeAgentInputs(toCoreAgents(await loadAgents(tx, unitId)), year);

/**
 * Writes the change-agent counts into R1.i.a.1/.2 and R1.i.b.1/.2 of the unit's draft assessment, each through
 * the assessments feature's own saveAnswer (validation, audit), with the source as the explanation and in
 * `answer_feeds`, so the worksheet shows where the figures came from. Re-applying overwrites with fresh counts.
 */
export const applyChangeAgents = async (
  tx: Tx,
  options: { assessmentId: string; from?: string; to?: string; actor: AuditActor; now: Date },
): Promise<ChangeAgentsApplied> => {
  const { assessmentId, actor, now } = options;
  const ctx = await findAssessmentContext(tx, assessmentId);
  if (!ctx) throw notFound('Assessment');
  const year = yearOf(ctx.period.year, options.from, options.to);
  const inputs = await countsOf(tx, ctx.unit.id, year);
  const note = feedNote(inputs, year.from, year.to);
  for (const code of CODES) {
    const current = await findAnswer(tx, assessmentId, code);
    await saveAnswer(tx, {
      assessmentId,
      code,
      input: { version: current?.version ?? 0, value: inputs[code], explanation: note, status: 'complete' },
      actor,
      now,
    });
    await tx
      .insert(answerFeeds)
      .values({ assessmentId, code, kind: FEED_KIND, note, appliedBy: actor.id, appliedAt: now })
      .onConflictDoUpdate({
        target: [answerFeeds.assessmentId, answerFeeds.code],
        set: { kind: FEED_KIND, note, appliedBy: actor.id, appliedAt: now },
      });
  }
  await writeAudit(tx, {
    actor,
    action: 'change_agents.applied',
    subjectType: 'assessment',
    subjectId: assessmentId,
    unit: { id: ctx.unit.id, path: ctx.unit.path },
    after: { ...year, inputs, note },
    now,
  });
  return { assessmentId, ...year, inputs, note };
};
