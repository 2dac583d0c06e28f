import { GRANTABLE_BY, ROLE_REACHES_DESCENDANTS, type AreaNumber, type Role } from './roles.ts';
import { isWithin } from './unit-path.ts';

export type Grant = { role: Role; unitPath: string; area?: AreaNumber | null };
export type Actor = { userId: string; isSystemAdmin: boolean; grants: readonly Grant[] };

export type Action =
  | 'agency.create'
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'unit.move'
  | 'unit.deactivate'
  | 'unit.import'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.reset_password'
  | 'grant.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'period.read'
  | 'period.manage'
  | 'assessment.create'
  | 'assessment.read'
  | 'assessment.answer'
  | 'assessment.comment'
  | 'assessment.submit'
  | 'assessment.approve'
  | 'evidence.read'
  | 'evidence.upload'
  | 'review.assign'
  | 'survey.read'
  | 'survey.manage'
  | 'review.read'
  | 'review.configure'
  | 'proposal.prepare'
  | 'proposal.schedule'
  | 'predicate.verify'
  | 'employee.read'
  | 'employee.manage'
  | 'programme.read'
  | 'programme.manage'
  | 'plan.edit'
  | 'plan.comment'
  | 'plan.approve';

/** What an action is done on: the whole system, a unit (by its materialised path), or a grant of a role on a unit. */
export type Subject =
  | { kind: 'system' }
  | { kind: 'unit'; unitPath: string }
  | { kind: 'grant'; unitPath: string; role: Role }
  /** An LKE item of a unit's assessment; `area` 1–6 for Pengungkit items, null for Hasil. */
  | { kind: 'item'; unitPath: string; area: number | null };

/** A role that allows an action only on the very unit it was granted on, even if the role reaches below it. */
type OnUnitOnly = `${Role}@unit`;
type PermissionEntry = Role | OnUnitOnly;

/** Roles whose grant names an area: on items they act only on the items of that area. */
const AREA_SCOPED: readonly Role[] = ['area_coordinator', 'team_member'];

/**
 * The permission table, to be read aloud: "an agency admin may create a unit inside her agency".
 * A role listed here allows the action on the unit it was granted on, and below it when the role reaches
 * descendants. System administrators may do everything; actions listed with no role are theirs alone.
 */
export const PERMISSIONS: Record<Action, readonly PermissionEntry[]> = {
  'agency.create': [],
  'audit.verify': [],
  'unit.read': [
    'agency_admin',
    'zi_team_lead',
    'area_coordinator',
    'team_member',
    'leader',
    'tpi_evaluator',
    'tpn_evaluator',
  ],
  'unit.create': ['agency_admin'],
  'unit.update': ['agency_admin'],
  'unit.move': ['agency_admin'],
  'unit.deactivate': ['agency_admin'],
  'unit.import': ['agency_admin'],
  'user.read': ['agency_admin', 'zi_team_lead', 'leader'],
  'user.create': ['agency_admin'],
  'user.update': ['agency_admin'],
  'user.reset_password': ['agency_admin'],
  // Which role may be handed out is narrowed further by GRANTABLE_BY.
  'grant.manage': ['agency_admin', 'zi_team_lead'],
  'audit.read': ['agency_admin', 'leader'],
  'period.read': ['agency_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
  'period.manage': ['agency_admin'],
  'assessment.create': ['agency_admin', 'zi_team_lead'],
  // Evaluators see nothing before submission: their access comes with the evaluation workflow.
  'assessment.read': ['agency_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
  // "An area coordinator changes only the items of her area; the lead changes all."
  'assessment.answer': ['zi_team_lead', 'area_coordinator', 'team_member'],
  'assessment.comment': ['zi_team_lead', 'area_coordinator', 'team_member', 'leader@unit'],
  'assessment.submit': ['zi_team_lead'],
  // The unit's own leader approves, not the leader of a province above it.
  'assessment.approve': ['leader@unit'],
  'evidence.read': ['agency_admin', 'zi_team_lead', 'area_coordinator', 'team_member', 'leader'],
  // The agency admin uploads the agency's own documents (cover letter, BPK opinion) on the agency unit only.
  'evidence.upload': ['zi_team_lead', 'area_coordinator', 'team_member', 'agency_admin@unit'],
  // The agency assigns its inspectorate's evaluators (TPI) to units; TPN assignments are the system's.
  'review.assign': ['agency_admin'],
  // Survey results are the unit's own data; evaluators get them through the LKE they evaluate.
  'survey.read': ['zi_team_lead', 'area_coordinator', 'team_member', 'leader', 'agency_admin'],
  // "The team lead runs the unit's surveys; the agency admin may run them for any of her units."
  'survey.manage': ['zi_team_lead', 'agency_admin'],
  // Review data (levels, item marks, scores per level): the unit's people and the evaluators; the use case
  // further limits evaluators to submitted assessments of units they are assigned to.
  'review.read': [
    'agency_admin',
    'zi_team_lead',
    'area_coordinator',
    'team_member',
    'leader',
    'tpi_evaluator',
    'tpn_evaluator',
  ],
  // The agency's evaluation settings (preliminary review, TPI stages, deadline month-day).
  'review.configure': ['agency_admin'],
  // §4.2 prerequisites and proposal documents: the unit's lead for her unit, the agency for all of them.
  'proposal.prepare': ['agency_admin', 'zi_team_lead'],
  // TPN's deadline and quota per agency and period: national, so the system administrators alone.
  'proposal.schedule': [],
  // A predicate won before Pulau counts once the agency admin (or TPN: the system administrators) verified
  // its decree (docs/review.md, held-predicates).
  'predicate.verify': ['agency_admin'],
  // "Personal data visible only inside the unit": no role reaching down from a parent sees the employee list.
  'employee.read': ['zi_team_lead', 'area_coordinator', 'team_member', 'leader@unit', 'agency_admin@unit'],
  'employee.manage': ['zi_team_lead', 'agency_admin@unit'],
  // The programme (declaration, team, plans, findings, change agents) is read up the hierarchy: dashboards.
  'programme.read': [
    'agency_admin',
    'zi_team_lead',
    'area_coordinator',
    'team_member',
    'leader',
    'tpi_evaluator',
    'tpn_evaluator',
  ],
  'programme.manage': ['zi_team_lead'],
  // An action plan is edited by its area's team (item subjects carry the area) and the lead; never by a parent.
  'plan.edit': ['zi_team_lead', 'area_coordinator', 'team_member'],
  'plan.comment': ['zi_team_lead', 'area_coordinator', 'team_member', 'leader@unit'],
  // The unit's own leader approves the quarterly monitoring report that goes up to the parent.
  'plan.approve': ['leader@unit'],
};

const allows = (entries: readonly PermissionEntry[], grant: Grant, unitPath: string): boolean =>
  (entries.includes(grant.role) && grantCovers(grant, unitPath)) ||
  (entries.includes(`${grant.role}@unit`) && grant.unitPath === unitPath);

/** Does this grant apply on the unit at `unitPath`? */
export const grantCovers = (grant: Grant, unitPath: string): boolean =>
  grant.unitPath === unitPath || (ROLE_REACHES_DESCENDANTS[grant.role] && isWithin(unitPath, grant.unitPath));

/**
 * May `actor` do `action` on `subject`? One pure function, the only place the rule lives.
 *
 * @example
 * can({ userId: 'u', isSystemAdmin: false, grants: [{ role: 'agency_admin', unitPath: '/kpu/' }] },
 *     'unit.create', { kind: 'unit', unitPath: '/kpu/jatim/' }) // true
 */
export const can = (actor: Actor | null, action: Action, subject: Subject): boolean => {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (subject.kind === 'system') return false;
  const allowed = PERMISSIONS[action];
  return actor.grants.some(
    (grant) =>
      allows(allowed, grant, subject.unitPath) &&
      (subject.kind !== 'grant' || GRANTABLE_BY[grant.role].includes(subject.role)) &&
      (subject.kind !== 'item' ||
        !AREA_SCOPED.includes(grant.role) ||
        (grant.area != null && grant.area === subject.area)),
  );
};

/** The areas whose items an actor may answer on a unit: all six, some, or none. */
export const answerableAreas = (actor: Actor, unitPath: string): number[] =>
  [1, 2, 3, 4, 5, 6].filter((area) => can(actor, 'assessment.answer', { kind: 'item', unitPath, area }));

/**
 * Where an actor may do `action`, for filtering lists in a query: every unit, or the listed exact units and
 * whole subtrees.
 */
export type Reach = { all: true } | { all: false; exact: string[]; subtrees: string[] };

export const reachOf = (actor: Actor, action: Action): Reach => {
  if (actor.isSystemAdmin) return { all: true };
  const exact = new Set<string>();
  const subtrees = new Set<string>();
  for (const grant of actor.grants) {
    const entries = PERMISSIONS[action];
    if (entries.includes(grant.role))
      (ROLE_REACHES_DESCENDANTS[grant.role] ? subtrees : exact).add(grant.unitPath);
    else if (entries.includes(`${grant.role}@unit`)) exact.add(grant.unitPath);
  }
  return { all: false, exact: [...exact], subtrees: [...subtrees] };
};

/** Is a unit path inside a reach? The same rule as `can`, for results already loaded. */
export const reachIncludes = (reach: Reach, unitPath: string): boolean =>
  reach.all || reach.exact.includes(unitPath) || reach.subtrees.some((root) => isWithin(unitPath, root));
