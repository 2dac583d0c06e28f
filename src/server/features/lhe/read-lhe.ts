import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/org/can.ts';
import { actsAs } from '../../../core/review/review-actor.ts';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { renderPdf } from '../../render/pdf.ts';
import { findAssessmentContext } from '../assessments/repo.ts';
import { loadReview, type LoadedReview } from '../reviews/load-review.ts';
import { requireReviewReader } from '../reviews/review-access.ts';
import { lheData } from './lhe-data.ts';
import { lheDocument } from './lhe-pdf.ts';
import { levelDone } from './level-done.ts';

/**
 * Evaluators read the levels of their own team while the work is still going on (TPI its stages and the
 * preliminary review below them, TPN its desk and field); everyone else reads a level once it is done.
 */
const readsInProgress = (loaded: LoadedReview, actor: Actor, level: string): boolean => {
  if (actor.isSystemAdmin) return true;
  if (level.startsWith('tpn_')) return actsAs(actor, ['tpn_evaluator'], 'national', loaded.ctx).ok;
  if (level.startsWith('tpi:') || level === 'preliminary')
    return actsAs(actor, ['tpi_evaluator'], 'tpi_team', loaded.ctx).ok;
  return false;
};

/**
 * The LHE of one level of one assessment as PDF bytes with a file name. Who reads the review at all is the
 * reviews feature's rule (`requireReviewReader`: the unit's side, assigned TPI once handed over, TPN once
 * proposed); on top of it a level's report waits until that level's work is done (409 LHE_LEVEL_NOT_DONE).
 */
export const readLhe = async (
  tx: Tx,
  args: { assessmentId: string; level: string; actor: Actor; now: Date },
): Promise<{ pdf: Buffer; filename: string }> => {
  const context = await findAssessmentContext(tx, args.assessmentId);
  if (!context) throw notFound('Assessment');
  const loaded = await loadReview(tx, context, { now: args.now });
  requireReviewReader(loaded, args.actor);
  const { order } = loaded.levels;
  const level = order.find((l) => l === args.level);
  if (!level)
    throw badRequest('LHE_LEVEL_UNKNOWN', `No level ${args.level} in this agency's evaluation.`, {
      levels: order,
    });
  if (!levelDone(level, loaded.state, order) && !readsInProgress(loaded, args.actor, level))
    throw conflict('LHE_LEVEL_NOT_DONE', `The ${level} level has not finished its work yet.`, { level });

  const { assessment: a, period, unit } = context;
  const [u] = await tx.select({ code: units.code }).from(units).where(eq(units.id, unit.id));
  const data = lheData({
    template: loaded.template,
    levels: loaded.levels,
    level,
    unit: { name: unit.name, code: u?.code ?? '' },
    period: { name: period.name, year: period.year },
    target: loaded.ctx.target,
    status: a.status,
    alreadyWbk: a.alreadyWbk,
  });
  const pdf = await renderPdf(lheDocument(data, args.now));
  const safeLevel = level.replace(/[^a-z0-9_-]/gi, '-');
  return { pdf, filename: `LHE-${u?.code ?? 'unit'}-${period.year}-${safeLevel}.pdf` };
};
