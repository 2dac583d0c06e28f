import type { Subject } from '../../../core/org/can.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { requireCode } from './locate-code.ts';
import { pinnedTemplate } from './pinned-template.ts';
import { findAssessmentContext, type AssessmentContext } from './repo.ts';

/** The permission subjects of routes that name an assessment: its unit, or one of its items. */
export const assessmentSubjects = (deps: AppDeps) => {
  const load = async (id: string): Promise<AssessmentContext> => {
    const ctx = await findAssessmentContext(deps.db, id);
    if (!ctx) throw notFound('Assessment');
    return ctx;
  };
  // One lookup per request: the permission check and a read-only handler share it through `req.params`.
  const perRequest = new WeakMap<object, Promise<AssessmentContext>>();
  const loadOnce = (params: { id: string }): Promise<AssessmentContext> => {
    let found = perRequest.get(params);
    if (!found) {
      found = load(params.id);
      perRequest.set(params, found);
    }
    return found;
  };
  return {
    load,
    loadOnce,
    unit: async (params: { id: string }): Promise<Subject> => ({
      kind: 'unit',
      unitPath: (await loadOnce(params)).unit.path,
    }),
    /** An item's area decides who may answer it; a count input belongs to its item's area. */
    item: async (params: { id: string; code: string }): Promise<Subject> => {
      const ctx = await load(params.id);
      const { area } = requireCode(await pinnedTemplate(ctx.period), params.code);
      return { kind: 'item', unitPath: ctx.unit.path, area };
    },
  };
};
