import type { Action } from '../../core/org/can.ts';

/** The navigation; an item shows when the user may do `action` on at least one unit. */
export type NavItem = { to: string; labelKey: string; action?: Action };

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/recap', labelKey: 'recap.nav', action: 'review.read' },
  { to: '/assessments', labelKey: 'nav.assessments', action: 'assessment.read' },
  { to: '/evidence', labelKey: 'nav.evidence', action: 'evidence.read' },
  { to: '/review', labelKey: 'review.nav.inbox', action: 'review.read' },
  { to: '/predicates', labelKey: 'review.nav.predicates', action: 'review.read' },
  { to: '/evaluators', labelKey: 'review.nav.evaluators', action: 'review.assign' },
  { to: '/proposals', labelKey: 'proposals.nav', action: 'proposal.prepare' },
  { to: '/surveys', labelKey: 'nav.surveys', action: 'survey.read' },
  { to: '/team', labelKey: 'team.nav', action: 'programme.read' },
  { to: '/findings', labelKey: 'findings.nav', action: 'programme.read' },
  { to: '/change-agents', labelKey: 'changeAgents.nav', action: 'programme.read' },
  { to: '/action-plans', labelKey: 'actionPlans.nav' },
  { to: '/pact/sign', labelKey: 'pact.myNav' },
  { to: '/declaration', labelKey: 'declaration.nav', action: 'programme.read' },
  { to: '/pact', labelKey: 'pact.nav', action: 'programme.read' },
  { to: '/employees', labelKey: 'employees.nav', action: 'employee.read' },
  { to: '/periods', labelKey: 'nav.periods', action: 'period.manage' },
  { to: '/units', labelKey: 'nav.units', action: 'unit.read' },
  { to: '/users', labelKey: 'nav.users', action: 'user.read' },
  { to: '/audit', labelKey: 'nav.audit', action: 'audit.read' },
  { to: '/profile', labelKey: 'nav.profile' },
];
