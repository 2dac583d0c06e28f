import type { Actor } from '../../../core/org/can.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { takeTransition } from '../reviews/take-transition.ts';

export type ReturnAssessmentOptions = {
  assessmentId: string;
  version: number;
  note?: string;
  who: Actor;
  actor: AuditActor;
  now: Date;
};

/** The leader sends a submission back to the team as a draft (the core's `leader_return`); the note says why. */
export const returnAssessment = (tx: Tx, options: ReturnAssessmentOptions) => {
  // Asked before the state: the form's own check, as the workspace always answered it.
  if (!options.note) throw badRequest('NOTE_REQUIRED', 'Say why the assessment goes back to the team.');
  return takeTransition(tx, { ...options, note: options.note, action: 'leader_return' });
};
