import type { AnswerView } from '../../../contracts/assessments.ts';
import type { LkeAnswer } from '../../../core/lke/evaluate-answers.ts';
import type { AnswerRow } from './repo.ts';

/** jsonb gives back what was stored: a string, a number or null (the contract let nothing else in). */
export const answerValueOf = (raw: unknown): LkeAnswer =>
  typeof raw === 'string' || typeof raw === 'number' ? raw : null;

export const presentAnswer = (row: AnswerRow): AnswerView => ({
  code: row.code,
  value: answerValueOf(row.value),
  explanation: row.explanation,
  status: row.status as AnswerView['status'],
  toReview: row.toReview,
  personInChargeId: row.personInChargeId,
  sourceCampaignId: row.sourceCampaignId,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
});

/** What a client that saw "no answer" saw: the current value of a code nobody has answered yet. */
export const noAnswer = (code: string): AnswerView => ({
  code,
  value: null,
  explanation: '',
  status: 'empty',
  toReview: false,
  personInChargeId: null,
  sourceCampaignId: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
});
