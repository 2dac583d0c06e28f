import { randomUUID } from 'node:crypto';
import type { CreatePeriodBody } from '../../../contracts/periods.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { checkWindows } from './check-windows.ts';
import { presentPeriod } from './present-period.ts';
import { findPeriodByAgencyYear, findUnitForPeriod, insertPeriod, type PeriodRow } from './repo.ts';

export type CreatePeriodOptions = { input: CreatePeriodBody; actor: AuditActor; now: Date };

/** Opens an evaluation year for an agency, pinning the LKE template version its assessments are scored on. */
export const createPeriod = async (
  tx: Tx,
  { input, actor, now }: CreatePeriodOptions,
): Promise<PeriodRow> => {
  const agency = await findUnitForPeriod(tx, input.agencyId);
  if (!agency) throw notFound('Agency');
  if (agency.parentId !== null)
    throw badRequest('NOT_AN_AGENCY', 'Periods belong to an agency (a root unit), not to a unit inside it.');
  const template = await loadLkeTemplate(input.templateId);
  if (!template.ok) {
    if (template.error.code === 'lke_template_not_found')
      throw badRequest('TEMPLATE_UNKNOWN', template.error.message);
    throw new Error(template.error.message);
  }
  const problems = checkWindows(input);
  if (problems.length > 0)
    throw badRequest('PERIOD_WINDOWS_INVALID', 'The period windows are not in order.', problems);
  if (await findPeriodByAgencyYear(tx, agency.id, input.year))
    throw conflict('PERIOD_EXISTS', `The agency already has a period for ${input.year}.`);
  const row = await insertPeriod(tx, {
    id: randomUUID(),
    agencyId: agency.id,
    year: input.year,
    name: input.name,
    templateId: template.value.id,
    templateVersion: template.value.version,
    fillFrom: input.fillFrom,
    fillUntil: input.fillUntil,
    reviewFrom: input.reviewFrom,
    reviewUntil: input.reviewUntil,
    revisionFrom: input.revisionFrom,
    revisionUntil: input.revisionUntil,
    requireAllAnswered: input.requireAllAnswered,
    requireExplanation: input.requireExplanation,
    requireEvidence: input.requireEvidence,
    createdAt: now,
    updatedAt: now,
  });
  await writeAudit(tx, {
    actor,
    action: 'period.created',
    subjectType: 'period',
    subjectId: row.id,
    unit: { id: agency.id, path: agency.path },
    after: presentPeriod(row),
    now,
  });
  return row;
};
