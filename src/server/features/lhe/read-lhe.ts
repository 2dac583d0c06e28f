import { and, eq } from 'drizzle-orm';
import { can, type Actor } from '../../../core/org/can.ts';
import { levelOrder, type LevelId } from '../../../core/review/answer-levels.ts';
import type { ReviewStatus } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { reviewAssignments, units } from '../../db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { renderPdf } from '../../render/pdf.ts';
import { pinnedTemplate } from '../assessments/pinned-template.ts';
import { findAssessmentContext } from '../assessments/repo.ts';
import { agencyReviewConfig } from '../proposals/agency-today.ts';
import { lheData } from './lhe-data.ts';
import { lheDocument } from './lhe-pdf.ts';
import { loadAnswerLevels } from './level-answers.ts';
import { levelDone } from './level-done.ts';

const EVALUATOR_ROLES = ['tpi_evaluator', 'tpn_evaluator'];

/**
 * Who reads which level's report. The unit's people and the agency read a level once its work is done.
 * Evaluators (whose `review.read` comes from an evaluator role alone) read only units they are assigned to,
 * once the unit has handed its work over, and also the levels of their own team still in progress.
 */
const requireReadable = async (
  tx: Tx,
  args: { actor: Actor; unitId: string; unitPath: string; level: LevelId; done: boolean; status: string },
): Promise<void> => {
  const { actor, level } = args;
  if (actor.isSystemAdmin) return;
  const asUnitOrAgency: Actor = {
    ...actor,
    grants: actor.grants.filter((g) => !EVALUATOR_ROLES.includes(g.role)),
  };
  if (can(asUnitOrAgency, 'review.read', { kind: 'unit', unitPath: args.unitPath })) {
    if (!args.done)
      throw conflict('LHE_LEVEL_NOT_DONE', `The ${level} level has not finished its work yet.`, { level });
    return;
  }
  const assigned = await tx
    .select({ level: reviewAssignments.level })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.unitId, args.unitId), eq(reviewAssignments.userId, actor.userId)));
  if (assigned.length === 0 || (args.status as ReviewStatus) === 'draft') throw forbidden();
  const team = (l: string) =>
    l === 'tpn' ? level.startsWith('tpn') : level.startsWith('tpi:') || level === 'preliminary';
  if (!args.done && !assigned.some((a) => team(a.level)))
    throw conflict('LHE_LEVEL_NOT_DONE', `The ${level} level has not finished its work yet.`, { level });
};

/** The LHE of one level of one assessment, as PDF bytes, with a file name. */
export const readLhe = async (
  tx: Tx,
  args: { assessmentId: string; level: string; actor: Actor; now: Date },
): Promise<{ pdf: Buffer; filename: string }> => {
  const ctx = await findAssessmentContext(tx, args.assessmentId);
  if (!ctx) throw notFound('Assessment');
  const { assessment: a, period, unit } = ctx;
  const config = await agencyReviewConfig(tx, period.agencyId);
  const order = levelOrder(config);
  const level = order.find((l) => l === args.level);
  if (!level)
    throw badRequest('LHE_LEVEL_UNKNOWN', `No level ${args.level} in this agency's evaluation.`, {
      levels: order,
    });
  const state = { status: a.status as ReviewStatus, tpiStage: a.tpiStage };
  await requireReadable(tx, {
    actor: args.actor,
    unitId: unit.id,
    unitPath: unit.path,
    level,
    done: levelDone(level, state, order),
    status: a.status,
  });

  const [u] = await tx.select({ code: units.code }).from(units).where(eq(units.id, unit.id));
  const data = lheData({
    template: await pinnedTemplate(period),
    levels: await loadAnswerLevels(tx, a.id, order),
    level,
    unit: { name: unit.name, code: u?.code ?? '' },
    period: { name: period.name, year: period.year },
    target: a.target === 'WBBM' ? 'WBBM' : 'WBK',
    status: a.status,
    alreadyWbk: a.alreadyWbk,
  });
  const pdf = await renderPdf(lheDocument(data, args.now));
  const safeLevel = level.replace(/[^a-z0-9_-]/gi, '-');
  return { pdf, filename: `LHE-${u?.code ?? 'unit'}-${period.year}-${safeLevel}.pdf` };
};
