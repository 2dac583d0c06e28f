import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';
import { findEmployee } from './repo.ts';
import { findAssessmentOfYear } from '../assessments/repo.ts';

/** The template an activity's LKE codes are checked against when the unit has no assessment that year yet. */
export const DEFAULT_LKE_TEMPLATE = 'permenpanrb-90-2021';

export type CheckActivityFieldsOptions = {
  unitId: string;
  year: number;
  area: number;
  lkeCodes?: readonly string[] | undefined;
  personInChargeId?: string | null | undefined;
};

/**
 * An activity serves LKE items of its own area (its team answers those items, so the evidence it reports may
 * be attached to them), items that exist in the template of that year; its person in charge is an active
 * employee of the unit.
 */
export const checkActivityFields = async (
  tx: Tx,
  { unitId, year, area, lkeCodes, personInChargeId }: CheckActivityFieldsOptions,
): Promise<void> => {
  if (lkeCodes && lkeCodes.length > 0) {
    const outside = lkeCodes.filter((c) => Number(c.slice(1, 2)) !== area);
    if (outside.length > 0)
      throw badRequest('LKE_CODE_OUTSIDE_AREA', `Not items of area ${area}: ${outside.join(', ')}.`, {
        codes: outside,
      });
    const assessment = await findAssessmentOfYear(tx, unitId, year);
    const template = await loadLkeTemplate(assessment?.templateId ?? DEFAULT_LKE_TEMPLATE);
    if (template.ok) {
      const unknown = lkeCodes.filter(
        (c) => !template.value.itemByCode.has(c) && !template.value.inputByCode.has(c),
      );
      if (unknown.length > 0)
        throw badRequest('LKE_CODE_UNKNOWN', `Not LKE items: ${unknown.join(', ')}.`, { codes: unknown });
    }
  }
  if (personInChargeId) {
    const person = await findEmployee(tx, personInChargeId);
    if (!person || person.unitId !== unitId || !person.active)
      throw badRequest('PERSON_NOT_EMPLOYEE', 'The person in charge is not an active employee of the unit.');
  }
};
