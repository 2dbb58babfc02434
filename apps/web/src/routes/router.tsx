import type { MeResponse, Permission } from '@lykt/shared';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type ErrorComponentProps } from '@tanstack/react-router';
import type { ComponentType, ReactElement } from 'react';
import { AppShell } from '../components/app-shell';
import { Loading } from '../components/load-state';
import { PublicLayout, StandaloneFrame } from '../components/public-layout';
import { RouteFocus } from '../components/route-focus';
import { ErrorPage, ForbiddenPage, NotFoundPage } from '../components/status-pages';
import { hasPermission, useMe } from '../features/auth/use-me';
import { parseCasesSearch, parseNewCaseSearch, parsePartnerReferralsSearch } from '../features/cases/search';
import { parseConcernsSearch } from '../features/identification/search';
import { parseScreeningsSearch } from '../features/identification/screening-search';
import { parseTipsSearch } from '../features/tips/search';
import { parseCoverageSearch, parseKnowledgeSearch } from '../features/knowledge/search';
import { APP_BASE } from '../lib/redirect-target';
import { parseAuditSearch, parseMfaSearch, parseOrganisationsSearch, parsePlansSearch, parseSignInSearch, parseTrainingSearch, parseUsersSearch } from './search';
import { ensureSignedIn, skipSignInWhenSignedIn } from './session';

// Each page is its own chunk, loaded when its route is first opened: the sign-in page and a
// role's home load only what they show.
const AuditPage = lazyRouteComponent(() => import('../features/audit/audit-page'), 'AuditPage');
const MfaChallengePage = lazyRouteComponent(() => import('../features/auth/mfa-challenge-page'), 'MfaChallengePage');
const MfaEnrolmentPage = lazyRouteComponent(() => import('../features/auth/mfa-enrolment-page'), 'MfaEnrolmentPage');
const SignInPage = lazyRouteComponent(() => import('../features/auth/sign-in-page'), 'SignInPage');
const PasskeyEnrolmentPage = lazyRouteComponent(() => import('../features/auth/passkey-enrolment-page'), 'PasskeyEnrolmentPage');
const HomePage = lazyRouteComponent(() => import('../features/home/home-page'), 'HomePage');
const CreateOrganisationPage = lazyRouteComponent(() => import('../features/organisations/create-organisation-page'), 'CreateOrganisationPage');
const OrganisationPage = lazyRouteComponent(() => import('../features/organisations/organisation-page'), 'OrganisationPage');
const OrganisationsPage = lazyRouteComponent(() => import('../features/organisations/organisations-page'), 'OrganisationsPage');
const CooperationPage = lazyRouteComponent(() => import('../features/cooperation/cooperation-page'), 'CooperationPage');
const MeetingPage = lazyRouteComponent(() => import('../features/cooperation/meeting-page'), 'MeetingPage');
const NewMeetingPage = lazyRouteComponent(() => import('../features/cooperation/new-meeting-page'), 'NewMeetingPage');
const RoutingCardEditPage = lazyRouteComponent(() => import('../features/cooperation/routing-card-edit-page'), 'RoutingCardEditPage');
const RoutingCardPage = lazyRouteComponent(() => import('../features/cooperation/routing-card-page'), 'RoutingCardPage');
const MeasurePage = lazyRouteComponent(() => import('../features/plans/measure-page'), 'MeasurePage');
const NewMeasurePage = lazyRouteComponent(() => import('../features/plans/new-measure-page'), 'NewMeasurePage');
const PlanVersionPage = lazyRouteComponent(() => import('../features/plans/plan-version-page'), 'PlanVersionPage');
const PlansPage = lazyRouteComponent(() => import('../features/plans/plans-page'), 'PlansPage');
const PlanComparePage = lazyRouteComponent(() => import('../features/plans/plan-compare-page'), 'PlanComparePage');
const MilestonesPage = lazyRouteComponent(() => import('../features/plans/milestones-page'), 'MilestonesPage');
const ReportsPage = lazyRouteComponent(() => import('../features/reports/reports-page'), 'ReportsPage');
const ReportVersionPage = lazyRouteComponent(() => import('../features/reports/report-version-page'), 'ReportVersionPage');
const ProfilePage = lazyRouteComponent(() => import('../features/profile/profile-page'), 'ProfilePage');
const SettingsPage = lazyRouteComponent(() => import('../features/settings/settings-page'), 'SettingsPage');
const CreateUserPage = lazyRouteComponent(() => import('../features/users/create-user-page'), 'CreateUserPage');
const UserPage = lazyRouteComponent(() => import('../features/users/user-page'), 'UserPage');
const UsersPage = lazyRouteComponent(() => import('../features/users/users-page'), 'UsersPage');
const NotificationPreferencesPage = lazyRouteComponent(() => import('../features/notifications/notification-preferences-page'), 'NotificationPreferencesPage');
const NotificationsPage = lazyRouteComponent(() => import('../features/notifications/notifications-page'), 'NotificationsPage');
const PrevalencePage = lazyRouteComponent(() => import('../features/prevalence/prevalence-page'), 'PrevalencePage');
const DownloadsPage = lazyRouteComponent(() => import('../features/downloads/downloads-page'), 'DownloadsPage');
const ProcurementPage = lazyRouteComponent(() => import('../features/procurement/procurement-page'), 'ProcurementPage');
const ContractPage = lazyRouteComponent(() => import('../features/procurement/contract-page'), 'ContractPage');
const ConcernPage = lazyRouteComponent(() => import('../features/identification/concern-page'), 'ConcernPage');
const ConcernsPage = lazyRouteComponent(() => import('../features/identification/concerns-page'), 'ConcernsPage');
const DirectConcernPage = lazyRouteComponent(() => import('../features/identification/direct-concern-page'), 'DirectConcernPage');
const PathwayPage = lazyRouteComponent(() => import('../features/identification/pathway-page'), 'PathwayPage');
const ScreeningPage = lazyRouteComponent(() => import('../features/identification/screening-page'), 'ScreeningPage');
const ScreeningsPage = lazyRouteComponent(() => import('../features/identification/screenings-page'), 'ScreeningsPage');
const ScreeningResultPage = lazyRouteComponent(() => import('../features/identification/screening-result-page'), 'ScreeningResultPage');
const TipPage = lazyRouteComponent(() => import('../features/tips/tip-page'), 'TipPage');
const TipSettingsPage = lazyRouteComponent(() => import('../features/tips/tip-settings-page'), 'TipSettingsPage');
const TipsPage = lazyRouteComponent(() => import('../features/tips/tips-page'), 'TipsPage');
const CasePage = lazyRouteComponent(() => import('../features/cases/case-page'), 'CasePage');
const CasesPage = lazyRouteComponent(() => import('../features/cases/cases-page'), 'CasesPage');
const NewCasePage = lazyRouteComponent(() => import('../features/cases/new-case-page'), 'NewCasePage');
const PartnerReferralPage = lazyRouteComponent(() => import('../features/cases/partner-referral-page'), 'PartnerReferralPage');
const PartnerReferralsPage = lazyRouteComponent(() => import('../features/cases/partner-referrals-page'), 'PartnerReferralsPage');
const ArticlePage = lazyRouteComponent(() => import('../features/knowledge/article-page'), 'ArticlePage');
const EditArticlePage = lazyRouteComponent(() => import('../features/knowledge/article-editor-pages'), 'EditArticlePage');
const NewArticlePage = lazyRouteComponent(() => import('../features/knowledge/article-editor-pages'), 'NewArticlePage');
const KnowledgePage = lazyRouteComponent(() => import('../features/knowledge/knowledge-page'), 'KnowledgePage');
const CoveragePage = lazyRouteComponent(() => import('../features/training/coverage-page'), 'CoveragePage');
const ModulePage = lazyRouteComponent(() => import('../features/training/module-page'), 'ModulePage');
const TrainingPage = lazyRouteComponent(() => import('../features/training/training-page'), 'TrainingPage');
const InternalStatisticsPage = lazyRouteComponent(() => import('../features/statistics/statistics-page'), 'InternalStatisticsPage');
const StatisticsPage = lazyRouteComponent(() => import('../features/statistics/statistics-page'), 'StatisticsPage');
const OverviewPage = lazyRouteComponent(() => import('../features/overview/overview-page'), 'OverviewPage');
const SitePage = lazyRouteComponent(() => import('../features/overview/site-page'), 'SitePage');

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

const passkeyEnrolmentRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'sign-in/passkey-enrolment',
  validateSearch: parseMfaSearch,
  component: PasskeyEnrolmentPage,
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

const plansRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'plans', validateSearch: parsePlansSearch, component: requires('plans:read', PlansPage) });
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

const notificationsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'notifications', component: NotificationsPage });
const notificationPreferencesRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'notifications/preferences', component: NotificationPreferencesPage });
const profileRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'profile', component: ProfilePage });
const downloadsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'downloads', component: DownloadsPage });

const screeningRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'screening', component: requires('screenings:create', ScreeningPage) });
const screeningsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'screenings', validateSearch: parseScreeningsSearch, component: requires('screenings:read', ScreeningsPage) });
const screeningResultRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'screenings/$screeningId', component: requires('screenings:read', ScreeningResultPage) });
const concernsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns', validateSearch: parseConcernsSearch, component: requires('concerns:read', ConcernsPage) });
const concernNewRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns/new', component: requires('concerns:create', DirectConcernPage) });
const pathwayRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'pathway', component: requires('pathway:write', PathwayPage) });
const concernRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'concerns/$concernId', component: requires('concerns:read', ConcernPage) });

const tipsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips', validateSearch: parseTipsSearch, component: requires('tips:read', TipsPage) });
const tipSettingsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips/settings', component: requires('tips:settings', TipSettingsPage) });
const tipRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'tips/$tipId', component: requires('tips:read', TipPage) });

const casesRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases', validateSearch: parseCasesSearch, component: requires('cases:read', CasesPage) });
const newCaseRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases/new', validateSearch: parseNewCaseSearch, component: requires('cases:write', NewCasePage) });
// The bare case address opens its overview; each part of the case has its own address (the
// case page answers "not found" for an unknown part without reading the case). Kept free of the
// cases module's code, so the sign-in route does not load it.
const caseRoute = createRoute({
  getParentRoute: () => signedInLayout,
  path: 'cases/$caseId',
  beforeLoad: ({ params }): void => {
    redirect({ href: `/cases/${encodeURIComponent(params.caseId)}/overview`, replace: true, throw: true });
  },
});
const caseSectionRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'cases/$caseId/$section', component: requires('cases:read', CasePage) });
const partnerReferralsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'referrals', validateSearch: parsePartnerReferralsSearch, component: requires('referrals:respond', PartnerReferralsPage) });
const partnerReferralRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'referrals/$referralId', component: requires('referrals:respond', PartnerReferralPage) });

const knowledgeRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge', validateSearch: parseKnowledgeSearch, component: requires('knowledge:read', KnowledgePage) });
const newArticleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/new', component: requires('knowledge:write', NewArticlePage) });
const articleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/$slug', component: requires('knowledge:read', ArticlePage) });
const editArticleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'knowledge/$slug/edit', component: requires('knowledge:write', EditArticlePage) });
const trainingRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training', validateSearch: parseTrainingSearch, component: requires('training:take', TrainingPage) });
const coverageRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training/coverage', validateSearch: parseCoverageSearch, component: requires('training:coverage', CoveragePage) });
const moduleRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'training/$moduleKey', component: requires('training:take', ModulePage) });
const statisticsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'statistics', component: requires('statistics:read', StatisticsPage) });
const internalStatisticsRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'statistics/internal', component: requires('statistics:internal', InternalStatisticsPage) });
const overviewRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'overview', component: requires('overview:read', OverviewPage) });
const siteRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'overview/sites/$siteId', component: requires('overview:read', SitePage) });
const prevalenceRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'prevalence', component: requires('prevalence:manage', PrevalencePage) });
const procurementRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'procurement', component: requires('procurement:read', ProcurementPage) });
const contractRoute = createRoute({ getParentRoute: () => signedInLayout, path: 'procurement/contracts/$contractId', component: requires('procurement:read', ContractPage) });

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, mfaChallengeRoute, mfaEnrolmentRoute, passkeyEnrolmentRoute]),
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
    downloadsRoute,
    notificationsRoute,
    notificationPreferencesRoute,
    screeningRoute,
    screeningsRoute,
    screeningResultRoute,
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
    caseSectionRoute,
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
    prevalenceRoute,
    siteRoute,
    procurementRoute,
    contractRoute,
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
