import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/org/can.ts';
import { actsAs } from '../../../core/review/review-actor.ts';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { fileOnce, supersedeFiled } from '../../documents/file-once.ts';
import { findFiled } from '../../documents/filed-documents-repo.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { AnswerLevels, LevelId } from '../../../core/review/answer-levels.ts';
import type { Predicate } from '../../../core/review/review-status.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { findAssessmentContext } from '../assessments/repo.ts';
import { loadReview, type LoadedReview } from '../reviews/load-review.ts';
import { requireReviewReader } from '../reviews/review-access.ts';
import { lheData } from './lhe-data.ts';
import { decisionOf, evaluatorsOf, type LheDecision, type LheEvaluator } from './lhe-people.ts';
import { loadDocumentLook, type DocumentLook } from '../../documents/kit/document-look.ts';
import { unitLeader, type Signer } from '../../documents/kit/signers.ts';
import { agencyIdOf } from '../../../core/org/unit-path.ts';
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

/** What an LHE is made from, kept as it was when its level finished: the scores are recomputed from it. */
export type LheInput = {
  unit: { name: string; code: string };
  period: { name: string; year: number };
  target: Predicate;
  status: string;
  alreadyWbk: boolean;
  level: LevelId;
  levels: AnswerLevels;
  look: DocumentLook;
  evaluators: LheEvaluator[];
  decision: LheDecision | null;
  /** TPN's decree for the field level, when one was made on this assessment. */
  decree: { number: string; date: string } | null;
  /** Who signs for the unit's own level. */
  leader: Signer;
};

const SYSTEM = { id: null, label: 'Pulau', ip: null };

const render = async (
  template: LkeTemplate,
  input: LheInput,
  now: Date,
  stamp?: FilingStamp & { origin: string },
): Promise<Buffer> => {
  // Loaded on first use: the PDF engine stays out of the server's start-up.
  const { lheDocument } = await import('./lhe-pdf.ts');
  const { renderPdf } = await import('../../render/pdf.ts');
  return renderPdf(lheDocument({ ...lheData({ template, ...input }), input }, now, stamp));
};

/**
 * The LHE of one level of one assessment as PDF bytes with a file name. Once the level's work is done the
 * report is filed on its first reading (data and bytes frozen, audited) and every later reading gets those
 * bytes; when the workflow hands the level its work again (a return, a resubmission) the copy is superseded
 * and the next finish files a new one. Who reads the review at all is the
 * reviews feature's rule (`requireReviewReader`: the unit's side, assigned TPI once handed over, TPN once
 * proposed); on top of it a level's report waits until that level's work is done (409 LHE_LEVEL_NOT_DONE).
 */
export const readLhe = async (
  tx: Tx,
  args: { assessmentId: string; level: string; actor: Actor; now: Date; blobs: BlobStore; origin: string },
): Promise<{ pdf: Buffer; filename: string; sha256: string | null }> => {
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
  const done = levelDone(level, loaded.state, order);
  if (!done && !readsInProgress(loaded, args.actor, level))
    throw conflict('LHE_LEVEL_NOT_DONE', `The ${level} level has not finished its work yet.`, { level });

  const { assessment: a, period, unit } = context;
  const [u] = await tx.select({ code: units.code }).from(units).where(eq(units.id, unit.id));
  const input: LheInput = {
    unit: { name: unit.name, code: u?.code ?? '' },
    period: { name: period.name, year: period.year },
    target: loaded.ctx.target,
    status: a.status,
    alreadyWbk: a.alreadyWbk,
    level,
    levels: loaded.levels,
    look: await loadDocumentLook(tx, level === 'unit' ? unit.id : agencyIdOf(unit.path)),
    evaluators: await evaluatorsOf(tx, unit.id, level),
    decision: await decisionOf(tx, a.id, level, order),
    decree: (() => {
      const award = level === 'tpn_field' ? loaded.awards.find((w) => w.assessmentId === a.id) : undefined;
      return award ? { number: award.decreeNumber, date: award.decreeDate } : null;
    })(),
    leader: await unitLeader(tx, unit.id),
  };
  const safeLevel = level.replace(/[^a-z0-9_-]/gi, '-');
  const filename = `LHE-${u?.code ?? 'unit'}-${period.year}-${safeLevel}.pdf`;
  const subjectKey = `${a.id}:${level}`;
  const unitScope = { id: unit.id, path: unit.path };
  if (!done) {
    const stale = await findFiled(tx, 'lhe', subjectKey);
    if (stale)
      await supersedeFiled(tx, stale, {
        actor: SYSTEM,
        reason: 'level_reopened',
        now: args.now,
        unit: unitScope,
      });
    return { pdf: await render(loaded.template, input, args.now), filename, sha256: null };
  }
  const { row, pdf } = await fileOnce(tx, {
    kind: 'lhe',
    subjectKey,
    unit: unitScope,
    title: `Laporan hasil evaluasi ${unit.name} ${period.year}, ${level}`,
    filename,
    data: input,
    render: (data, stamp) => render(loaded.template, data, args.now, { ...stamp, origin: args.origin }),
    blobs: args.blobs,
    actor: SYSTEM,
    now: args.now,
  });
  return { pdf, filename: row.filename, sha256: row.sha256 };
};
