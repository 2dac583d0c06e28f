import type { Subject } from '../../../core/org/can.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { findActivity, findPlan, findReport, findUnitRef } from './repo.ts';

/**
 * Permission subjects of the action-plan routes. A plan and its activities are items of their area, so that an
 * area's coordinator and members edit only their own area's plan; reading, commenting and reports are on the
 * unit.
 */
export const planSubjects = (db: Db) => ({
  unit: async (unitId: string): Promise<Subject> => {
    const unit = await findUnitRef(db, unitId);
    if (!unit) throw notFound('Unit');
    return { kind: 'unit', unitPath: unit.path };
  },
  unitArea: async (unitId: string, area: number): Promise<Subject> => {
    const unit = await findUnitRef(db, unitId);
    if (!unit) throw notFound('Unit');
    return { kind: 'item', unitPath: unit.path, area };
  },
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
