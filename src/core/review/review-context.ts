import type { PredicateResult } from '../lke/check-predicates.ts';
import type { CalendarDate } from './calendar.ts';
import type { ReviewConfig } from './review-config.ts';
import type { Predicate } from './review-status.ts';

/** A TPI evaluator assigned to the unit, with her positions in its review team ("member", "team_lead"). */
export type TpiAssignment = { userId: string; positions: readonly string[] };

/**
 * Everything a transition's guard may look at, loaded by the use case: the core reads no clock and no
 * database. Scores come in as the §4.1 predicate check of the level that matters
 * (`scoreAssessment(template, answersOfLevel).predicates`).
 */
export type ReviewContext = {
  now: Date;
  config: ReviewConfig;
  /** The predicate this assessment aims at. */
  target: Predicate;
  unit: {
    path: string;
    /** The predicate the unit holds now (null when none, or after a revocation). */
    holds: Predicate | null;
    /** The day of the latest revocation decree, if any. */
    revokedOn: CalendarDate | null;
    /** R5 afirmasi: the unit may be proposed while still meeting the prerequisites of Tabel 5. */
    afirmasi: boolean;
  };
  /** TPI evaluators assigned to this unit. */
  tpiTeam: readonly TpiAssignment[];
  /** Predicate check on the answers of the last TPI stage; null while there are none. */
  tpiPredicates: readonly PredicateResult[] | null;
  /** Predicate check on TPN's final answers (field over desk); null while there are none. */
  tpnPredicates: readonly PredicateResult[] | null;
  proposal: {
    periodYear: number;
    /** A deadline TPN set for this period, overriding the agency's month-day. */
    deadlineOverride: CalendarDate | null;
    /** Units of this agency the TPN accepts this period; null = no quota announced. */
    quota: number | null;
    /** Units of this agency already proposed this period, this one not included. */
    alreadyProposed: number;
    /** Codes of the §4.2 prerequisites (agency and unit) not met. */
    unmetPrerequisites: readonly string[];
  };
  /** Items returned for revision that the unit has not answered again. */
  itemsAwaitingRevision: number;
  /** The note the actor gives with this action (why it goes back, why not awarded, why revoked). */
  note: string;
};
