import type { MeResponse, Permission } from '@lykt/shared';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, type ErrorComponentProps } from '@tanstack/react-router';
import type { ComponentType, ReactElement } from 'react';
import { AppShell } from '../components/app-shell';
import { Loading } from '../components/load-state';
import { PublicLayout, StandaloneFrame } from '../components/public-layout';
import { RouteFocus } from '../components/route-focus';
import { ErrorPage, ForbiddenPage, NotFoundPage } from '../components/status-pages';
import { AuditPage } from '../features/audit/audit-page';
import { MfaChallengePage } from '../features/auth/mfa-challenge-page';
import { MfaEnrolmentPage } from '../features/auth/mfa-enrolment-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { hasPermission, useMe } from '../features/auth/use-me';
import { HomePage } from '../features/home/home-page';
import { CreateOrganisationPage } from '../features/organisations/create-organisation-page';
import { OrganisationPage } from '../features/organisations/organisation-page';
import { OrganisationsPage } from '../features/organisations/organisations-page';
import { CooperationPage } from '../features/cooperation/cooperation-page';
import { MeetingPage } from '../features/cooperation/meeting-page';
import { NewMeetingPage } from '../features/cooperation/new-meeting-page';
import { RoutingCardEditPage } from '../features/cooperation/routing-card-edit-page';
import { RoutingCardPage } from '../features/cooperation/routing-card-page';
import { MeasurePage } from '../features/plans/measure-page';
import { NewMeasurePage } from '../features/plans/new-measure-page';
import { PlanVersionPage } from '../features/plans/plan-version-page';
import { PlansPage } from '../features/plans/plans-page';
import { PlanComparePage } from '../features/plans/plan-compare-page';
import { MilestonesPage } from '../features/plans/milestones-page';
import { ReportsPage } from '../features/reports/reports-page';
import { ReportVersionPage } from '../features/reports/report-version-page';
import { ProfilePage } from '../features/profile/profile-page';
import { SettingsPage } from '../features/settings/settings-page';
import { CreateUserPage } from '../features/users/create-user-page';
import { UserPage } from '../features/users/user-page';
import { UsersPage } from '../features/users/users-page';
import { ConcernPage } from '../features/identification/concern-page';
import { ConcernsPage } from '../features/identification/concerns-page';
import { DirectConcernPage } from '../features/identification/direct-concern-page';
import { PathwayPage } from '../features/identification/pathway-page';
import { ScreeningPage } from '../features/identification/screening-page';
import { TipPage } from '../features/tips/tip-page';
import { TipSettingsPage } from '../features/tips/tip-settings-page';
import { TipsPage } from '../features/tips/tips-page';
import { CasePage } from '../features/cases/case-page';
import { CasesPage } from '../features/cases/cases-page';
import { NewCasePage } from '../features/cases/new-case-page';
import { PartnerReferralPage } from '../features/cases/partner-referral-page';
import { PartnerReferralsPage } from '../features/cases/partner-referrals-page';
import { parseConcernsSearch } from '../features/identification/search';
import { parseTipsSearch } from '../features/tips/search';
import { parseCasesSearch, parseNewCaseSearch, parsePartnerReferralsSearch } from '../features/cases/search';
import { ArticlePage } from '../features/knowledge/article-page';
import { EditArticlePage, NewArticlePage } from '../features/knowledge/article-editor-pages';
import { KnowledgePage } from '../features/knowledge/knowledge-page';
import { parseCoverageSearch, parseKnowledgeSearch } from '../features/knowledge/search';
import { CoveragePage } from '../features/training/coverage-page';
import { ModulePage } from '../features/training/module-page';
import { TrainingPage } from '../features/training/training-page';
import { InternalStatisticsPage, StatisticsPage } from '../features/statistics/statistics-page';
import { OverviewPage } from '../features/overview/overview-page';
import { SitePage } from '../features/overview/site-page';
import { APP_BASE } from '../lib/redirect-target';
import { parseAuditSearch, parseMfaSearch, parseOrganisationsSearch, parseSignInSearch, parseUsersSearch } from './search';
import { ensureSignedIn, skipSignInWhenSignedIn } from './session';

/** What every route can reach through its context. */
export interface RouterContext {
  queryClient: QueryClient;
}

/** Renders a page only for users holding the permission; others see "No access". */
function requires(permission: Permission, Page: ComponentType): () => ReactElement {
  function GuardedPage() {
    const me = useMe();
    return hasPermission(me, permission) ? <Page /> : <ForbiddenPage />;
  }
  GuardedPage.displayName = `Requires(${permission})`;
  return GuardedPage;
}

function RootLayout() {
  return (
    <>
      <RouteFocus />
      <Outlet />
    </>
  );
}

/** Not found or failed outside the signed-in shell: still a full page with landmarks. */
function StandaloneNotFound() {
  return (
    <StandaloneFrame>
      <NotFoundPage />
    </StandaloneFrame>
  );
}

function StandaloneError(props: ErrorComponentProps) {
  return (
    <StandaloneFrame>
      <ErrorPage {...props} />
    </StandaloneFrame>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: StandaloneNotFound,
  errorComponent: StandaloneError,
});

// Sign-in steps: no session needed.
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'sign-in',
  validateSearch: parseSignInSearch,
  beforeLoad: ({ context, search }) => skipSignInWhenSignedIn(context.queryClient, search.redirect),
  component: SignInPage,
});

const mfaChallengeRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'sign-in/mfa',
  validateSearch: parseMfaSearch,
  component: MfaChallengePage,
});

const mfaEnrolmentRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'sign-in/mfa-enrolment',
  validateSearch: parseMfaSearch,
  component: MfaEnrolmentPage,
});

// Everything else needs a signed-in session.
const signedInLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }): Promise<{ me: MeResponse }> => ({
    me: await ensureSignedIn(context.queryClient, location.publicHref || location.href),
  }),
  component: AppShell,
  // When the guard itself fails (e.g. the server cannot be reached), there is no shell to show.
  errorComponent: StandaloneError,
  notFoundComponent: StandaloneNotFound,
});

const homeRoute = createRoute({ getParentRoute: () => signedInLayout, path: '/', component: HomePage });

const usersRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'users',
  validateSearch: parseUsersSearch,
  component: requires('users:read', UsersPage),
});
const createUserRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'users/new',
  component: requires('users:write', CreateUserPage),
});
const userRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'users/$userId', component: requires('users:read', UserPage) });

const organisationsRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'organisations',
  validateSearch: parseOrganisationsSearch,
  component: requires('organisations:read', OrganisationsPage),
});
const createOrganisationRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'organisations/new',
  component: requires('organisations:write', CreateOrganisationPage),
});
const organisationRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'organisations/$organisationId',
  component: requires('organisations:read', OrganisationPage),
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'settings',
  component: requires('municipality:read', SettingsPage),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: requires('audit:read', AuditPage),
});

const plansRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'plans', component: requires('plans:read', PlansPage) });
const planVersionRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'plans/$planId/versions/$version', component: requires('plans:read', PlanVersionPage) });
const newMeasureRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'plans/$planId/versions/$version/measures/new',
  component: requires('plans:write', NewMeasurePage),
});
const measureRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'measures/$measureId', component: requires('plans:read', MeasurePage) });
const planCompareRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'plans/$planId/compare', component: requires('plans:read', PlanComparePage) });
const milestonesRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'measures/$measureId/milestones', component: requires('plans:write', MilestonesPage) });
const reportsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'reports', component: requires('reports:read', ReportsPage) });
const reportVersionRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'reports/$reportId/versions/$number', component: requires('reports:read', ReportVersionPage) });
const cooperationRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cooperation', component: requires('cooperation:read', CooperationPage) });
const newMeetingRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cooperation/meetings/new', component: requires('cooperation:write', NewMeetingPage) });
const meetingRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cooperation/meetings/$meetingId', component: requires('cooperation:read', MeetingPage) });
const routingCardRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'routing-card', component: requires('routing:read', RoutingCardPage) });
const routingCardEditRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'routing-card/edit', component: requires('cooperation:write', RoutingCardEditPage) });

const profileRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'profile', component: ProfilePage });

const screeningRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'screening', component: requires('screenings:create', ScreeningPage) });
const concernsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns', validateSearch: parseConcernsSearch, component: requires('concerns:read', ConcernsPage) });
const concernNewRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns/new', component: requires('concerns:create', DirectConcernPage) });
const pathwayRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'pathway', component: requires('pathway:write', PathwayPage) });
const concernRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns/$concernId', component: requires('concerns:read', ConcernPage) });

const tipsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips', validateSearch: parseTipsSearch, component: requires('tips:read', TipsPage) });
const tipSettingsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips/settings', component: requires('tips:settings', TipSettingsPage) });
const tipRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips/$tipId', component: requires('tips:read', TipPage) });

const casesRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases', validateSearch: parseCasesSearch, component: requires('cases:read', CasesPage) });
const newCaseRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases/new', validateSearch: parseNewCaseSearch, component: requires('cases:write', NewCasePage) });
const caseRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases/$caseId', component: requires('cases:read', CasePage) });
const partnerReferralsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'referrals', validateSearch: parsePartnerReferralsSearch, component: requires('referrals:respond', PartnerReferralsPage) });
const partnerReferralRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'referrals/$referralId', component: requires('referrals:respond', PartnerReferralPage) });

const knowledgeRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge', validateSearch: parseKnowledgeSearch, component: requires('knowledge:read', KnowledgePage) });
const newArticleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/new', component: requires('knowledge:write', NewArticlePage) });
const articleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/$slug', component: requires('knowledge:read', ArticlePage) });
const editArticleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/$slug/edit', component: requires('knowledge:write', EditArticlePage) });
const trainingRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training', component: requires('training:take', TrainingPage) });
const coverageRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training/coverage', validateSearch: parseCoverageSearch, component: requires('training:coverage', CoveragePage) });
const moduleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training/$moduleKey', component: requires('training:take', ModulePage) });
const statisticsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'statistics', component: requires('statistics:read', StatisticsPage) });
const internalStatisticsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'statistics/internal', component: requires('statistics:internal', InternalStatisticsPage) });
const overviewRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'overview', component: requires('overview:read', OverviewPage) });
const siteRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'overview/sites/$siteId', component: requires('overview:read', SitePage) });

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, mfaChallengeRoute, mfaEnrolmentRoute]),
  signedInLayout.addChildren([
    homeRoute,
    tipsRoute,
    tipSettingsRoute,
    tipRoute,
    usersRoute,
    createUserRoute,
    userRoute,
    organisationsRoute,
    createOrganisationRoute,
    organisationRoute,
    settingsRoute,
    auditRoute,
    profileRoute,
    screeningRoute,
    concernsRoute,
    concernNewRoute,
    concernRoute,
    pathwayRoute,
    plansRoute,
    planVersionRoute,
    newMeasureRoute,
    measureRoute,
    planCompareRoute,
    milestonesRoute,
    reportsRoute,
    reportVersionRoute,
    cooperationRoute,
    newMeetingRoute,
    meetingRoute,
    routingCardRoute,
    routingCardEditRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    partnerReferralsRoute,
    partnerReferralRoute,
    knowledgeRoute,
    newArticleRoute,
    articleRoute,
    editArticleRoute,
    trainingRoute,
    coverageRoute,
    moduleRoute,
    statisticsRoute,
    internalStatisticsRoute,
    overviewRoute,
    siteRoute,
  ]),
]);

/** The app's router, mounted under the Vite base path (/app/). */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: APP_BASE || '/',
    context: { queryClient },
    defaultPendingComponent: Loading,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
