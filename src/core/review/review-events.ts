import type { Predicate, ReviewStatus } from './review-status.ts';
import type { ReviewAction } from './review-table.ts';
import type { RoleRef } from './review-actor.ts';
import type { CalendarDate } from './calendar.ts';

type Base = { unitPath: string; by: string; as: RoleRef; at: string };

/**
 * What happened, for the audit record, the inbox and e-mail. Every transition emits `transitioned`;
 * some add the fact that matters to the people downstream.
 */
export type ReviewEvent =
  | (Base & {
      type: 'review.transitioned';
      action: ReviewAction;
      from: ReviewStatus;
      to: ReviewStatus;
      note: string;
    })
  | (Base & { type: 'review.tpi_stage_completed'; stage: string; next: string })
  | (Base & { type: 'review.predicate_awarded'; predicate: Predicate })
  | (Base & { type: 'review.predicate_revoked'; predicate: Predicate; proposableFrom: CalendarDate });
