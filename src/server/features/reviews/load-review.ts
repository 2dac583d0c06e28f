import { eq } from 'drizzle-orm';
import { scoreAssessment, type LkeScore } from '../../../core/lke/score-assessment.ts';
import type { LkeTemplate } from '../../../core/lke/template-model.ts';
import { itemsAwaitingRevision } from '../../../core/review/answer-edits.ts';
import {
  levelOrder,
  tpiFinalLevel,
  valuesAt,
  type AnswerLevels,
  type LevelId,
} from '../../../core/review/answer-levels.ts';
import type { ReviewConfig } from '../../../core/review/review-config.ts';
import type { ReviewContext } from '../../../core/review/review-context.ts';
import { REVIEW_STATUSES, type ReviewState, type ReviewStatus } from '../../../core/review/review-status.ts';
import type { Tx } from '../../db/client.ts';
import { units } from '../../db/schema.ts';
import { pinnedTemplate } from '../assessments/pinned-template.ts';
import type { AssessmentContext } from '../assessments/repo.ts';
import { loadProposalFacts } from '../proposals/proposal-facts.ts';
import { loadAnswerLevels, type LevelRows } from './answer-levels-repo.ts';
import { listAwards, standingOf, type AwardRow } from './awards-repo.ts';
import { verifiedDecrees } from './held-predicates-repo.ts';
import { listTeam } from './repo.ts';
import { positionsOf } from './positions.ts';
import { loadReviewSettings } from './settings-repo.ts';

/** Everything a review use case works on, loaded once: the core's state, context and stack of levels. */
export type LoadedReview = {
  context: AssessmentContext;
  template: LkeTemplate;
  config: ReviewConfig;
  state: ReviewState;
  levels: AnswerLevels;
  rows: LevelRows;
  awards: AwardRow[];
  ctx: ReviewContext;
  /** The score of a level's effective answers (memoised: several screens ask for the same level). */
  scoreAt: (level: LevelId) => LkeScore;
};

export type ProposalFactsLoader = (
  tx: Tx,
  assessment: { id: string; periodId: string; unitId: string },
  now: Date,
) => Promise<ReviewContext['proposal']>;

export type LoadReviewOptions = {
  now: Date;
  /** The note given with the action being taken ('' for reads). */
  note?: string;
  /** The proposal facts (§4.2, deadline, quota); the proposals feature's by default. */
  proposalFacts?: ProposalFactsLoader;
  /**
   * Whether the context needs the §4.1 checks and the proposal facts (steps, the review view). Item reads and
   * writes do not: they skip scoring the levels, and the context carries null checks and no proposal facts.
   */
  forSteps?: boolean;
};

/** What item reads and writes carry instead of the proposal facts they never look at. */
const NO_PROPOSAL_FACTS: ReviewContext['proposal'] = {
  periodYear: 0,
  deadlineOverride: null,
  quota: null,
  alreadyProposed: 0,
  unmetPrerequisites: [],
};

const asStatus = (value: string): ReviewStatus => {
  const found = REVIEW_STATUSES.find((s) => s === value);
  if (!found) throw new Error(`assessment status ${value} is not a review status`);
  return found;
};

/**
 * Builds the core's view of one assessment from the database: the agency's settings (or the defaults), the
 * stack of answers by level with the item marks, the unit's standing (predicate held, last revocation,
 * afirmasi), the TPI team with positions, the §4.1 checks of TPI's last stage and TPN's field level, and the
 * proposal facts.
 */
export const loadReview = async (
  tx: Tx,
  context: AssessmentContext,
  options: LoadReviewOptions,
): Promise<LoadedReview> => {
  const { assessment, period, unit } = context;
  const [template, settings, team, awards, earlier, [unitRow]] = await Promise.all([
    pinnedTemplate(period),
    loadReviewSettings(tx, period.agencyId),
    listTeam(tx, unit.id, 'tpi'),
    listAwards(tx, unit.id),
    verifiedDecrees(tx, unit.id),
    tx.select({ afirmasi: units.afirmasi }).from(units).where(eq(units.id, unit.id)),
  ]);
  const { config } = settings;
  const order = levelOrder(config);
  const { levels, rows } = await loadAnswerLevels(tx, assessment.id, order);
  const scores = new Map<LevelId, LkeScore>();
  const scoreAt = (level: LevelId): LkeScore => {
    let s = scores.get(level);
    if (!s) {
      s = scoreAssessment(template, {
        answers: valuesAt(levels, level),
        // "Already WBK" is the history's fact, never what the unit typed (docs/review.md, held-predicates).
        context: { alreadyWbk: standing.alreadyWbk },
      });
      scores.set(level, s);
    }
    return s;
  };
  const facts = options.proposalFacts ?? loadProposalFacts;
  const forSteps = options.forSteps ?? true;
  // Predicates won before Pulau count once verified: the WBBM order and the ban read one history.
  const standing = standingOf(awards, earlier);
  const ctx: ReviewContext = {
    now: options.now,
    config,
    target: assessment.target === 'WBBM' ? 'WBBM' : 'WBK',
    unit: {
      path: unit.path,
      holds: standing.holds,
      revokedOn: standing.revokedOn,
      afirmasi: unitRow?.afirmasi ?? false,
    },
    tpiTeam: team.map((m) => ({ userId: m.userId, positions: positionsOf(m.positions) })),
    tpiPredicates: forSteps ? scoreAt(tpiFinalLevel(order)).predicates : null,
    tpnPredicates: forSteps ? scoreAt('tpn_field').predicates : null,
    proposal: forSteps ? await facts(tx, assessment, options.now) : NO_PROPOSAL_FACTS,
    itemsAwaitingRevision: itemsAwaitingRevision(levels).length,
    note: options.note ?? '',
  };
  return {
    context,
    template,
    config,
    state: { status: asStatus(assessment.status), tpiStage: assessment.tpiStage },
    levels,
    rows,
    awards,
    ctx,
    scoreAt,
  };
};
