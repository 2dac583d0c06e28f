import { can, type Actor } from '../../../core/org/can.ts';
import { tpiLevel, type LevelId } from '../../../core/review/answer-levels.ts';
import { actsAs } from '../../../core/review/review-actor.ts';
import { GUARDS, currentTpiStage } from '../../../core/review/review-guards.ts';
import type { ReviewStatus } from '../../../core/review/review-status.ts';
import { HttpError } from '../../http/errors.ts';
import { PROPOSED_OR_LATER } from '../proposals/proposal-facts.ts';
import type { LoadedReview } from './load-review.ts';

const EVALUATOR_ROLES = new Set(['tpi_evaluator', 'tpn_evaluator']);
const BEFORE_TPI: readonly ReviewStatus[] = ['draft', 'submitted'];
/** The statuses in which some reviewer answers at a level of her own. */
export const REVIEWING: readonly ReviewStatus[] = [
  'preliminary_review',
  'tpi_review',
  'resubmitted',
  'tpn_desk',
  'tpn_field',
];

const refused = (reason: string, message: string, details: object = {}) =>
  new HttpError(403, 'FORBIDDEN', message, { reason, ...details });

/**
 * May the caller read this assessment's review? The unit's people (and those above them) by `review.read`;
 * an evaluator only as one: TPI once the assessment left the unit (draft, submitted) and only on a unit she
 * is assigned to, TPN from the proposal on, neither with a conflict of interest. Throws 403 with the reason.
 */
export const requireReviewReader = (loaded: LoadedReview, actor: Actor): void => {
  if (actor.isSystemAdmin) return;
  const unitSide = { ...actor, grants: actor.grants.filter((g) => !EVALUATOR_ROLES.has(g.role)) };
  const subject = { kind: 'unit' as const, unitPath: loaded.context.unit.path };
  if (can(unitSide, 'review.read', subject)) return;
  const { status } = loaded.state;
  const tpi = actsAs(actor, ['tpi_evaluator'], 'tpi_team', loaded.ctx);
  if (tpi.ok && !BEFORE_TPI.includes(status)) return;
  const tpn = actsAs(actor, ['tpn_evaluator'], 'national', loaded.ctx);
  if (tpn.ok && PROPOSED_OR_LATER.includes(status)) return;
  if (tpi.ok) throw refused('not_yet', 'TPI reads an assessment once the unit has handed it over.');
  if (tpn.ok) throw refused('not_yet', 'TPN reads an assessment once it is proposed.');
  const why = [tpi, tpn].find((r) => !r.ok && (r.error.details as { reason?: string })?.reason);
  if (why && !why.ok) {
    const details = why.error.details as { reason: string };
    throw refused(details.reason, why.error.message, details);
  }
  throw refused('no_role', 'You may not read this review.');
};

export type MyLevel =
  | { ok: true; level: LevelId }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

/**
 * The level at which the caller answers now: the preliminary reviewer (the parent's leader), the holder of
 * the current TPI stage, TPN in desk or field review. Refusals say why (state first, then the person).
 */
export const myLevel = (loaded: LoadedReview, actor: Actor): MyLevel => {
  const { state, ctx } = loaded;
  const as = (roles: Parameters<typeof actsAs>[1], reach: Parameters<typeof actsAs>[2], level: LevelId) => {
    const r = actsAs(actor, roles, reach, ctx);
    return r.ok
      ? ({ ok: true, level } as const)
      : ({
          ok: false,
          status: 403,
          code: r.error.code,
          message: r.error.message,
          details: r.error.details,
        } as const);
  };
  switch (state.status) {
    case 'preliminary_review':
      return as(['leader'], 'parent_unit', 'preliminary');
    case 'tpi_review':
    case 'resubmitted': {
      const stage = currentTpiStage(state, ctx).stage;
      const member = as(['tpi_evaluator'], 'tpi_team', tpiLevel(stage?.id ?? ''));
      if (!member.ok) return member;
      const holder = GUARDS.tpi_stage_holder.check({ state, actor, ctx });
      const reason = holder[0];
      if (reason)
        return {
          ok: false,
          status: 403,
          code: 'ROLE_NOT_ALLOWED',
          message: reason.message,
          details: { reason: 'not_stage_holder', ...(reason.details as object) },
        };
      return member;
    }
    case 'tpn_desk':
      return as(['tpn_evaluator'], 'national', 'tpn_desk');
    case 'tpn_field':
      return as(['tpn_evaluator'], 'national', 'tpn_field');
    default:
      return {
        ok: false,
        status: 409,
        code: 'REVIEW_NOT_OPEN',
        message: `Nobody reviews items while the assessment is ${state.status}.`,
        details: { status: state.status },
      };
  }
};

/** `myLevel` or the refusal as an HTTP error. */
export const requireMyLevel = (loaded: LoadedReview, actor: Actor): LevelId => {
  const mine = myLevel(loaded, actor);
  if (!mine.ok) throw new HttpError(mine.status, mine.code, mine.message, mine.details);
  return mine.level;
};
