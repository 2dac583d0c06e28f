import type {
  AvailableActionView,
  LevelView,
  PredicateAward,
  ReviewItem,
} from '../../../contracts/reviews.ts';
import type { LkeScore } from '../../../core/lke/score-assessment.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { toNumber } from '../../../core/shared/exact.ts';
import {
  changedItems,
  effectiveAnswers,
  tpiFinalLevel,
  tpiLevel,
  type LevelId,
} from '../../../core/review/answer-levels.ts';
import { currentTpiStage } from '../../../core/review/review-guards.ts';
import { TRANSITIONS } from '../../../core/review/review-table.ts';
import type { AvailableAction } from '../../../core/review/transition.ts';
import type { AwardRow } from './awards-repo.ts';
import type { LoadedReview } from './load-review.ts';

/** The note is given with the step, so it is said as `needsNote`, not as something that blocks. */
export const presentAction = (a: AvailableAction): AvailableActionView => ({
  action: a.action,
  to: a.to,
  blocked: a.blocked.filter((b) => b.guard !== 'note_given'),
  needsNote: TRANSITIONS[a.action].guards.includes('note_given'),
  needsDecree: a.action === 'decide_wbk' || a.action === 'decide_wbbm',
});

export const presentAward = (row: AwardRow): PredicateAward => ({
  id: row.id,
  unitId: row.unitId,
  assessmentId: row.assessmentId,
  predicate: row.predicate === 'WBBM' ? 'WBBM' : 'WBK',
  decreeNumber: row.decreeNumber,
  decreeDate: row.decreeDate,
  revokedOn: row.revokedOn,
  revocationReason: row.revocationReason,
  createdAt: row.createdAt.toISOString(),
});

const n = toNumber;

const presentScore = (s: LkeScore): LevelView['score'] => ({
  total: n(s.total.score),
  pengungkit: n(s.pengungkit.score),
  pemenuhan: n(s.pemenuhan.score),
  reform: n(s.reform.score),
  hasil: n(s.hasil.score),
  areas: s.areas.map((a) => ({
    number: a.number,
    name: a.name,
    pemenuhan: n(a.pemenuhan.score),
    reform: n(a.reform.score),
    total: n(a.total.score),
    weight: n(a.total.weight),
  })),
  completeness: { answered: s.completeness.answered, total: s.completeness.total },
});

/**
 * The highest level the workflow has reached: the unit's until TPI takes over, the current TPI stage while
 * TPI works, TPI's last stage once it gave its verdict, then TPN's desk and field. A level with answers of
 * its own counts as reached too.
 */
export const topReached = (loaded: LoadedReview): LevelId => {
  const { state, ctx, levels } = loaded;
  const order = levels.order;
  const tpiFinal = tpiFinalLevel(order);
  const own = (l: LevelId) => Object.keys(levels.answers[l] ?? {}).length > 0;
  const byStatus = ((): LevelId => {
    switch (state.status) {
      case 'draft':
      case 'submitted':
        return 'unit';
      case 'preliminary_review':
        return 'preliminary';
      case 'tpi_review':
      case 'returned':
      case 'resubmitted':
        return tpiLevel(currentTpiStage(state, ctx).stage?.id ?? '');
      case 'tpi_verdict_meets':
      case 'tpi_verdict_not_meets':
      case 'proposed':
        return tpiFinal;
      case 'tpn_desk':
        return 'tpn_desk';
      default:
        return own('tpn_field') || state.status !== 'not_awarded'
          ? 'tpn_field'
          : own('tpn_desk')
            ? 'tpn_desk'
            : tpiFinal;
    }
  })();
  const highestOwn = [...order].reverse().find(own) ?? 'unit';
  return order.indexOf(highestOwn) > order.indexOf(byStatus) ? highestOwn : byStatus;
};

export const presentLevels = (loaded: LoadedReview): LevelView[] => {
  const order = loaded.levels.order;
  const top = order.indexOf(topReached(loaded));
  return order.map((level, i) => {
    const s = loaded.scoreAt(level);
    const below = order[i - 1];
    return {
      level,
      kind: level.startsWith('tpi:') ? 'tpi' : (level as 'unit' | 'preliminary' | 'tpn_desk' | 'tpn_field'),
      stageId: level.startsWith('tpi:') ? level.slice(4) : null,
      reached: i <= top,
      ownAnswers: level === 'unit' ? 0 : Object.keys(loaded.levels.answers[level] ?? {}).length,
      score: presentScore(s),
      predicates: s.predicates.map((p) => ({
        id: p.id,
        name: p.name,
        eligible: p.eligible,
        rules: p.rules.map((r) => ({
          id: r.id,
          text: r.text ?? null,
          required: n(r.required),
          actual: n(r.actual),
          pass: r.pass,
        })),
      })),
      changedFromBelow: below ? changedItems(loaded.levels, below, level) : [],
      changedFromUnit: changedItems(loaded.levels, 'unit', level),
    };
  });
};

/** Every answerable code in template order: option and index items, and each count input of a ratio item. */
export const answerableCodes = (template: LkeTemplate): { code: string; item: string }[] =>
  template.items.flatMap((item) =>
    item.type === 'ratio'
      ? item.inputs.map((input) => ({ code: input.code, item: item.code }))
      : [{ code: item.code, item: item.code }],
  );

export type ItemEvidence = ReviewItem['evidence'][number];

/** One code as the review screen shows it: the unit's answer, each review level's, the item's mark. */
export const presentReviewItem = (
  loaded: LoadedReview,
  entry: { code: string; item: string },
  evidence: ItemEvidence[],
  views: Map<LevelId, ReturnType<typeof effectiveAnswers>>,
  top: LevelId,
): ReviewItem => {
  const { levels, rows } = loaded;
  const order = levels.order;
  const unitRow = rows.get('unit')?.get(entry.code);
  const valueAt = (l: LevelId) => views.get(l)?.[entry.code]?.value ?? null;
  const mark = levels.items[entry.item];
  return {
    code: entry.code,
    item: entry.item,
    unit: {
      value: valueAt('unit'),
      explanation: unitRow?.explanation ?? '',
      version: unitRow?.version ?? 0,
      updatedAt: unitRow?.updatedAt.toISOString() ?? null,
    },
    evidence,
    levels: order.slice(1).map((level, i) => {
      const seen = views.get(level)?.[entry.code];
      const own = rows.get(level)?.get(entry.code);
      const below = order[i] ?? 'unit';
      return {
        level,
        value: seen?.value ?? null,
        note: seen?.note ?? '',
        from: seen?.from ?? level,
        own: own !== undefined,
        version: own?.version ?? 0,
        updatedAt: own?.updatedAt.toISOString() ?? null,
        differsFromBelow: (seen?.value ?? null) !== valueAt(below),
      };
    }),
    review: {
      status: mark?.status ?? 'open',
      returnNote: mark?.returnNote ?? '',
      returnedAt: mark?.returnedAt ?? null,
      revisions: mark?.revisions ?? 0,
    },
    changed: valueAt(top) !== valueAt('unit'),
  };
};
