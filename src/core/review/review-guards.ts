import type { PredicateResult } from '../lke/check-predicates.ts';
import type { Actor } from '../org/can.ts';
import { toFixed } from '../shared/exact.ts';
import { addYears, localDate, type CalendarDate } from './calendar.ts';
import { DOCUMENT_CODES } from './prerequisites.ts';
import type { ReviewContext } from './review-context.ts';
import type { Predicate, ReviewState } from './review-status.ts';

export type GuardId =
  | 'note_given'
  | 'tpi_stage_holder'
  | 'revisions_answered'
  | 'tpi_scores_pass'
  | 'predicate_order'
  | 'revocation_ban'
  | 'before_deadline'
  | 'within_quota'
  | 'prerequisites_met'
  | 'documents_attached'
  | 'tpn_scores_pass';

/** Why a guard refuses: a stable code for the UI to translate, an English message, the figures. */
export type GuardReason = { guard: GuardId; code: string; message: string; details?: unknown };
export type GuardInput = { state: ReviewState; actor: Actor; ctx: ReviewContext };
/** A named rule over the context; an empty list means it passes. */
export type Guard = { id: GuardId; text: string; check: (input: GuardInput) => GuardReason[] };

/** Years a unit waits after a revocation decree before it may be proposed again (Lampiran II Bab IV.C). */
export const REVOCATION_BAN_YEARS = 2;

/**
 * The last day a unit may be proposed this period: TPN's date for the period, else the agency's month-day.
 * @example proposalDeadline(ctx) // '2025-05-31' with the defaults and periodYear 2025
 */
export const proposalDeadline = (ctx: ReviewContext): CalendarDate =>
  ctx.proposal.deadlineOverride ?? `${ctx.proposal.periodYear}-${ctx.config.proposalDeadline}`;

/** The first day a revoked unit may be proposed again. @example proposableFrom('2022-02-03') // '2024-02-03' */
export const proposableFrom = (revokedOn: CalendarDate): CalendarDate =>
  addYears(revokedOn, REVOCATION_BAN_YEARS);

/** The TPI stage the review is at; an index past the list (the agency shortened it) means the last. */
export const currentTpiStage = (state: ReviewState, ctx: ReviewContext) => {
  const stages = ctx.config.tpiStages;
  const index = Math.min(Math.max(state.tpiStage, 0), stages.length - 1);
  return { index, stage: stages[index], isLast: index === stages.length - 1 };
};

const scoresPass = (
  guard: GuardId,
  level: string,
  predicates: readonly PredicateResult[] | null,
  target: Predicate,
): GuardReason[] => {
  const result = predicates?.find((p) => p.id === target);
  if (!result)
    return [{ guard, code: 'NO_SCORES', message: `There is no ${target} check of the ${level} answers.` }];
  return result.rules
    .filter((r) => !r.pass)
    .map((r) => ({
      guard,
      code: 'PREDICATE_RULE_FAILED',
      message: `${level} answers fail ${target} rule ${r.id}: ${toFixed(r.actual, 2)} < ${toFixed(r.required, 2)}.`,
      details: {
        predicate: target,
        rule: r.id,
        text: r.text,
        actual: toFixed(r.actual, 2),
        required: toFixed(r.required, 2),
      },
    }));
};

const one = (
  guard: GuardId,
  failed: boolean,
  code: string,
  message: string,
  details?: unknown,
): GuardReason[] => (failed ? [{ guard, code, message, ...(details === undefined ? {} : { details }) }] : []);

const isDocumentCode = (code: string): boolean => (DOCUMENT_CODES as readonly string[]).includes(code);

export const GUARDS: Record<GuardId, Guard> = {
  note_given: {
    id: 'note_given',
    text: 'a note says why',
    check: ({ ctx }) => one('note_given', ctx.note.trim() === '', 'NOTE_REQUIRED', 'Say why in a note.'),
  },
  tpi_stage_holder: {
    id: 'tpi_stage_holder',
    text: "the actor's position in the TPI team completes the current stage",
    check: ({ state, actor, ctx }) => {
      const { stage } = currentTpiStage(state, ctx);
      const positions = ctx.tpiTeam.find((a) => a.userId === actor.userId)?.positions ?? [];
      const allowed = stage?.completedBy ?? [];
      return one(
        'tpi_stage_holder',
        !positions.some((p) => allowed.includes(p)),
        'TPI_STAGE_NOT_YOURS',
        `Stage ${stage?.id ?? '?'} is completed by ${allowed.join(' or ')}.`,
        { stage: stage?.id, completedBy: allowed, positions },
      );
    },
  },
  revisions_answered: {
    id: 'revisions_answered',
    text: 'every item returned for revision was answered again',
    check: ({ ctx }) =>
      one(
        'revisions_answered',
        ctx.itemsAwaitingRevision > 0,
        'REVISION_PENDING',
        `${ctx.itemsAwaitingRevision} returned item(s) still wait for the unit's answer.`,
        { items: ctx.itemsAwaitingRevision },
      ),
  },
  tpi_scores_pass: {
    id: 'tpi_scores_pass',
    text: 'the TPI-level scores pass every §4.1 rule of the target predicate',
    check: ({ ctx }) => scoresPass('tpi_scores_pass', 'TPI', ctx.tpiPredicates, ctx.target),
  },
  predicate_order: {
    id: 'predicate_order',
    text: 'WBBM only for a unit holding WBK; never a predicate the unit holds already',
    check: ({ ctx }) => {
      const { target } = ctx;
      const holds = ctx.unit.holds;
      if (target === 'WBBM' && holds !== 'WBK')
        return one('predicate_order', true, 'WBBM_NEEDS_WBK', 'Only a unit holding WBK may aim at WBBM.', {
          holds,
        });
      return one(
        'predicate_order',
        target === 'WBK' && holds !== null,
        'ALREADY_HOLDS',
        `The unit holds ${holds}.`,
        {
          holds,
        },
      );
    },
  },
  revocation_ban: {
    id: 'revocation_ban',
    text: 'no revocation decree in the last two years',
    check: ({ ctx }) => {
      const { revokedOn } = ctx.unit;
      if (revokedOn === null) return [];
      const from = proposableFrom(revokedOn);
      const today = localDate(ctx.now, ctx.config.utcOffsetMinutes);
      return one(
        'revocation_ban',
        today < from,
        'REVOCATION_BAN',
        `Revoked on ${revokedOn}: proposable from ${from}.`,
        {
          revokedOn,
          proposableFrom: from,
          today,
        },
      );
    },
  },
  before_deadline: {
    id: 'before_deadline',
    text: 'on or before the proposal deadline (31 May unless configured)',
    check: ({ ctx }) => {
      const deadline = proposalDeadline(ctx);
      const today = localDate(ctx.now, ctx.config.utcOffsetMinutes);
      return one('before_deadline', today > deadline, 'DEADLINE_PASSED', `The deadline was ${deadline}.`, {
        deadline,
        today,
      });
    },
  },
  within_quota: {
    id: 'within_quota',
    text: "the agency's quota is not yet reached",
    check: ({ ctx }) => {
      const { quota, alreadyProposed } = ctx.proposal;
      return one(
        'within_quota',
        quota !== null && alreadyProposed >= quota,
        'QUOTA_REACHED',
        `The agency has proposed ${alreadyProposed} of its ${quota} unit(s).`,
        { quota, alreadyProposed },
      );
    },
  },
  prerequisites_met: {
    id: 'prerequisites_met',
    text: 'the §4.2 prerequisites are met, unless the unit has afirmasi',
    check: ({ ctx }) => {
      // The proposal's documents have their own guard: afirmasi waives Tabel 5, never the letter or SPTJM.
      const unmet = ctx.proposal.unmetPrerequisites.filter((c) => !isDocumentCode(c));
      return one(
        'prerequisites_met',
        unmet.length > 0 && !ctx.unit.afirmasi,
        'PREREQUISITES_UNMET',
        `Prerequisites not met: ${unmet.join(', ')}.`,
        { unmet },
      );
    },
  },
  documents_attached: {
    id: 'documents_attached',
    text: 'the cover letter and the SPTJM are attached (afirmasi or not)',
    check: ({ ctx }) => {
      const missing = ctx.proposal.unmetPrerequisites.filter(isDocumentCode);
      return one(
        'documents_attached',
        missing.length > 0,
        'PROPOSAL_DOCUMENTS_MISSING',
        `Documents missing: ${missing.join(', ')}.`,
        { missing },
      );
    },
  },
  tpn_scores_pass: {
    id: 'tpn_scores_pass',
    text: "TPN's final scores (field over desk) pass every rule of the target predicate",
    check: ({ ctx }) => scoresPass('tpn_scores_pass', 'TPN', ctx.tpnPredicates, ctx.target),
  },
};
