import type { Period } from '../../../contracts/periods.ts';
import type { PeriodRow } from './repo.ts';

export const presentPeriod = (row: PeriodRow): Period => ({
  id: row.id,
  agencyId: row.agencyId,
  year: row.year,
  name: row.name,
  templateId: row.templateId,
  templateVersion: row.templateVersion,
  fillFrom: row.fillFrom,
  fillUntil: row.fillUntil,
  reviewFrom: row.reviewFrom,
  reviewUntil: row.reviewUntil,
  revisionFrom: row.revisionFrom,
  revisionUntil: row.revisionUntil,
  requireAllAnswered: row.requireAllAnswered,
  requireExplanation: row.requireExplanation,
  requireEvidence: row.requireEvidence,
  version: row.version,
});
