import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from '../components/not-found.tsx';
import { RouteError } from '../components/route-error.tsx';
import { RequireAction, RequireSession, SetupGate } from './guards.tsx';
import { AppLayout } from './layout.tsx';

// Every page is its own chunk: the login page does not download the unit tree.
export const routes: RouteObject[] = [
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      {
        path: '/setup',
        lazy: async () => ({ Component: (await import('../features/setup/pages/setup-page.tsx')).SetupPage }),
      },
      {
        // The one-time signing link opens without a login (staff without an account).
        path: '/tanda-tangan/:token',
        lazy: async () => ({
          Component: (await import('../features/pact/pages/public-sign-page.tsx')).PublicSignPage,
        }),
      },
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../features/auth/pages/login-page.tsx')).LoginPage }),
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/home/pages/home-page.tsx')).HomePage,
                }),
              },
              {
                path: '/change-password',
                lazy: async () => ({
                  Component: (await import('../features/profile/pages/change-password-page.tsx'))
                    .ChangePasswordPage,
                }),
              },
              {
                path: '/inbox',
                lazy: async () => ({
                  Component: (await import('../features/inbox/pages/inbox-page.tsx')).InboxPage,
                }),
              },
              {
                path: '/pact/sign',
                lazy: async () => ({
                  Component: (await import('../features/pact/pages/my-pact-page.tsx')).MyPactPage,
                }),
              },
              {
                element: <RequireAction action="employee.read" />,
                children: [
                  {
                    path: '/employees',
                    lazy: async () => ({
                      Component: (await import('../features/employees/pages/employees-page.tsx'))
                        .EmployeesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="programme.read" />,
                children: [
                  {
                    path: '/pact',
                    lazy: async () => ({
                      Component: (await import('../features/pact/pages/pact-page.tsx')).PactPage,
                    }),
                  },
                  {
                    path: '/declaration',
                    lazy: async () => ({
                      Component: (await import('../features/declaration/pages/declaration-page.tsx'))
                        .DeclarationPage,
                    }),
                  },
                ],
              },
              {
                path: '/profile',
                lazy: async () => ({
                  Component: (await import('../features/profile/pages/profile-page.tsx')).ProfilePage,
                }),
              },
              {
                element: <RequireAction action="unit.read" />,
                children: [
                  {
                    path: '/units',
                    lazy: async () => ({
                      Component: (await import('../features/units/pages/units-page.tsx')).UnitsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="user.read" />,
                children: [
                  {
                    path: '/users',
                    lazy: async () => ({
                      Component: (await import('../features/users/pages/users-page.tsx')).UsersPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="period.read" />,
                children: [
                  {
                    path: '/periods',
                    lazy: async () => ({
                      Component: (await import('../features/workspace/pages/periods-page.tsx')).PeriodsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="assessment.read" />,
                children: [
                  {
                    path: '/assessments',
                    lazy: async () => ({
                      Component: (await import('../features/workspace/pages/assessments-page.tsx'))
                        .AssessmentsPage,
                    }),
                  },
                  {
                    path: '/assessments/:id',
                    lazy: async () => ({
                      Component: (await import('../features/workspace/pages/worksheet-page.tsx'))
                        .WorksheetPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="survey.read" />,
                children: [
                  {
                    path: '/surveys',
                    lazy: async () => ({
                      Component: (await import('../features/surveys/pages/campaigns-page.tsx')).CampaignsPage,
                    }),
                  },
                  {
                    path: '/surveys/:id',
                    lazy: async () => ({
                      Component: (await import('../features/surveys/pages/campaign-page.tsx')).CampaignPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="review.read" />,
                children: [
                  {
                    path: '/review',
                    lazy: async () => ({
                      Component: (await import('../features/review/pages/review-inbox-page.tsx'))
                        .ReviewInboxPage,
                    }),
                  },
                  {
                    path: '/review/:id',
                    lazy: async () => ({
                      Component: (await import('../features/review/pages/review-page.tsx')).ReviewPage,
                    }),
                  },
                  {
                    path: '/predicates',
                    lazy: async () => ({
                      Component: (await import('../features/review/pages/predicates-page.tsx'))
                        .PredicatesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="proposal.prepare" />,
                children: [
                  {
                    path: '/proposals',
                    lazy: async () => ({
                      Component: (await import('../features/proposals/pages/proposals-page.tsx'))
                        .ProposalsPage,
                    }),
                  },
                  {
                    path: '/proposals/assessments/:id',
                    lazy: async () => ({
                      Component: (await import('../features/proposals/pages/unit-proposal-page.tsx'))
                        .UnitProposalPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="review.assign" />,
                children: [
                  {
                    path: '/evaluators',
                    lazy: async () => ({
                      Component: (await import('../features/review/pages/evaluators-page.tsx'))
                        .EvaluatorsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="evidence.read" />,
                children: [
                  {
                    path: '/evidence',
                    lazy: async () => ({
                      Component: (await import('../features/evidence/pages/evidence-library-page.tsx'))
                        .EvidenceLibraryPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="programme.read" />,
                children: [
                  {
                    path: '/team',
                    lazy: async () => ({
                      Component: (await import('../features/team/pages/team-page.tsx')).TeamPage,
                    }),
                  },
                  {
                    path: '/findings',
                    lazy: async () => ({
                      Component: (await import('../features/findings/pages/findings-page.tsx')).FindingsPage,
                    }),
                  },
                  {
                    path: '/change-agents',
                    lazy: async () => ({
                      Component: (await import('../features/change-agents/pages/change-agents-page.tsx'))
                        .ChangeAgentsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="review.read" />,
                children: [
                  {
                    path: '/recap',
                    lazy: async () => ({
                      Component: (await import('../features/recap/pages/recap-page.tsx')).RecapPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAction action="audit.read" />,
                children: [
                  {
                    path: '/audit',
                    lazy: async () => ({
                      Component: (await import('../features/audit/pages/audit-page.tsx')).AuditPage,
                    }),
                  },
                ],
              },
              {
                // Staff without a role reach their unit's plans through their employee record: no guard here.
                path: '/action-plans',
                lazy: async () => ({
                  Component: (await import('../features/action-plans/pages/action-plan-page.tsx'))
                    .ActionPlanPage,
                }),
              },
              {
                element: <RequireAction action="programme.read" />,
                children: [
                  {
                    path: '/action-plans/reports',
                    lazy: async () => ({
                      Component: (await import('../features/action-plans/pages/reports-page.tsx'))
                        .ReportsPage,
                    }),
                  },
                  {
                    path: '/action-plans/dashboard',
                    lazy: async () => ({
                      Component: (await import('../features/action-plans/pages/dashboard-page.tsx'))
                        .DashboardPage,
                    }),
                  },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
