import type { Subject } from '../../../core/org/can.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { findActivity, findPlan, findReport } from './repo.ts';
import { requireUnitRef, unitSubject } from '../units/unit-ref.ts';

/**
 * Permission subjects of the action-plan routes. A plan and its activities are items of their area, so that an
 * area's coordinator and members edit only their own area's plan; reading, commenting and reports are on the
 * unit.
 */
export const planSubjects = (db: Db) => ({
  unit: (unitId: string): Promise<Subject> => unitSubject(db, unitId),
  unitArea: async (unitId: string, area: number): Promise<Subject> => ({
    kind: 'item',
    unitPath: (await requireUnitRef(db, unitId)).path,
    area,
  }),
  plan: async (planId: string): Promise<Subject> => {
    const found = await findPlan(db, planId);
    if (!found) throw notFound('Plan');
    return { kind: 'item', unitPath: found.unit.path, area: found.plan.area };
  },
  activity: async (activityId: string): Promise<Subject> => {
    const found = await findActivity(db, activityId);
    if (!found) throw notFound('Activity');
    return { kind: 'item', unitPath: found.unit.path, area: found.plan.area };
  },
  activityUnit: async (activityId: string): Promise<Subject> => {
    const found = await findActivity(db, activityId);
    if (!found) throw notFound('Activity');
    return { kind: 'unit', unitPath: found.unit.path };
  },
  report: async (reportId: string): Promise<Subject> => {
    const found = await findReport(db, reportId);
    if (!found) throw notFound('Report');
    return { kind: 'unit', unitPath: found.unit.path };
  },
});
