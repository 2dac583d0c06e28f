// Test-only helpers: people around one unit and a context in which every guard passes. Never imported by runtime code.
import type { PredicateResult } from '../lke/check-predicates.ts';
import type { Actor } from '../org/can.ts';
import { ratio } from '../shared/exact.ts';
import { reviewConfigSchema } from './review-config.ts';
import type { ReviewContext } from './review-context.ts';
import type { Predicate } from './review-status.ts';

export const ROOT = '/kpu/';
export const PARENT = '/kpu/jatim/';
export const UNIT = '/kpu/jatim/sby/';

export const PERSONAS = [
  'lead',
  'coordinator',
  'member',
  'leader',
  'parent_leader',
  'agency_admin',
  'tpi',
  'tpn',
  'system_admin',
  'stranger',
  'foreign_tpi',
] as const;
export type Persona = (typeof PERSONAS)[number];

const actor = (userId: string, grants: Actor['grants'], isSystemAdmin = false): Actor => ({
  userId,
  isSystemAdmin,
  grants,
});

export const PEOPLE: Record<Persona, Actor> = {
  lead: actor('lead', [{ role: 'zi_team_lead', unitPath: UNIT }]),
  coordinator: actor('coordinator', [{ role: 'area_coordinator', unitPath: UNIT, area: 1 }]),
  member: actor('member', [{ role: 'team_member', unitPath: UNIT, area: 2 }]),
  leader: actor('leader', [{ role: 'leader', unitPath: UNIT }]),
  parent_leader: actor('parent_leader', [{ role: 'leader', unitPath: PARENT }]),
  agency_admin: actor('agency_admin', [{ role: 'agency_admin', unitPath: ROOT }]),
  tpi: actor('tpi', [{ role: 'tpi_evaluator', unitPath: ROOT }]),
  tpn: actor('tpn', [{ role: 'tpn_evaluator', unitPath: ROOT }]),
  system_admin: actor('system_admin', [], true),
  stranger: actor('stranger', [{ role: 'agency_admin', unitPath: '/bawaslu/' }]),
  foreign_tpi: actor('foreign_tpi', [{ role: 'tpi_evaluator', unitPath: '/bawaslu/' }]),
};

/** A predicate check with one rule per metric, all passing or the listed ones failing. */
export const predicates = (failing: readonly string[] = []): PredicateResult[] =>
  (['WBK', 'WBBM'] as const).map((id) => {
    const rules = ['complete', 'total', 'pengungkit'].map((rule) => ({
      id: rule,
      kind: 'min' as const,
      text: rule,
      required: ratio(75),
      actual: failing.includes(rule) ? ratio(7499, 100) : ratio(75),
      pass: !failing.includes(rule),
      pengungkit: true,
    }));
    return { id, name: id, eligible: rules.every((r) => r.pass), rules };
  });

export type ContextOptions = { preliminary?: boolean; target?: Predicate; stages?: number };

/** 10 May 2025, 10:00 WIB; default settings; every guard passes. */
export const greenContext = ({
  preliminary = false,
  target = 'WBK',
  stages = 3,
}: ContextOptions = {}): ReviewContext => {
  const all = ['member', 'team_lead', 'quality_controller', 'extra'];
  const config = reviewConfigSchema.parse({
    preliminaryReview: preliminary,
    tpiStages: all.slice(0, stages).map((id) => ({ id, completedBy: [id] })),
  });
  return {
    now: new Date('2025-05-10T03:00:00Z'),
    config,
    target,
    unit: { path: UNIT, holds: target === 'WBBM' ? 'WBK' : null, revokedOn: null, afirmasi: false },
    tpiTeam: [{ userId: 'tpi', positions: all }],
    tpiPredicates: predicates(),
    tpnPredicates: predicates(),
    proposal: {
      periodYear: 2025,
      deadlineOverride: null,
      quota: 5,
      alreadyProposed: 0,
      unmetPrerequisites: [],
    },
    itemsAwaitingRevision: 0,
    note: 'catatan',
  };
};
