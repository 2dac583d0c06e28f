import type { AppDeps } from './deps.ts';
import type { AnyRouteSpec } from './route.ts';
import { healthRoutes } from '../features/health/routes.ts';
import { setupRoutes } from '../features/setup/routes.ts';
import { authRoutes } from '../features/auth/routes.ts';
import { unitRoutes } from '../features/units/routes.ts';
import { userRoutes } from '../features/users/routes.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { periodRoutes } from '../features/periods/routes.ts';
import { assessmentRoutes } from '../features/assessments/routes.ts';
import { lkeRoutes } from '../features/lke/routes.ts';
import { lkeWorkbookRoutes } from '../features/lke-workbook/routes.ts';
import { evidenceRoutes } from '../features/evidence/routes.ts';
import { surveyRoutes } from '../features/surveys/routes.ts';
import { reviewRoutes } from '../features/reviews/routes.ts';
import { employeeRoutes } from '../features/employees/routes.ts';
import { pactRoutes } from '../features/pact/routes.ts';
import { declarationRoutes } from '../features/declaration/routes.ts';
import { teamRoutes } from '../features/team/routes.ts';
import { findingRoutes } from '../features/findings/routes.ts';
import { changeAgentRoutes } from '../features/change-agents/routes.ts';
import { actionPlanRoutes } from '../features/action-plans/routes.ts';
import { proposalRoutes } from '../features/proposals/routes.ts';
import { lheRoutes } from '../features/lhe/routes.ts';
import { inboxRoutes } from '../features/notifications/routes.ts';
import { recapRoutes } from '../features/recap/routes.ts';
import { homeRoutes } from '../features/home/routes.ts';

/** Every route of the API in one list: the app registers it and the authorisation matrix test walks it. */
export const allRoutes = (deps: AppDeps): AnyRouteSpec[] => [
  ...healthRoutes(deps),
  ...setupRoutes(deps),
  ...authRoutes(deps),
  ...unitRoutes(deps),
  ...userRoutes(deps),
  ...auditRoutes(deps),
  ...periodRoutes(deps),
  ...assessmentRoutes(deps),
  ...lkeRoutes(deps),
  ...lkeWorkbookRoutes(deps),
  ...evidenceRoutes(deps),
  ...surveyRoutes(deps),
  ...reviewRoutes(deps),
  ...employeeRoutes(deps),
  ...pactRoutes(deps),
  ...declarationRoutes(deps),
  ...teamRoutes(deps),
  ...findingRoutes(deps),
  ...changeAgentRoutes(deps),
  ...actionPlanRoutes(deps),
  ...proposalRoutes(deps),
  ...lheRoutes(deps),
  ...inboxRoutes(deps),
  ...recapRoutes(deps),
  ...homeRoutes(deps),
];
