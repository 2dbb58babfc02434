import { Link as DsLink } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { NotFoundPage } from '../../components/status-pages';
import { CASE_SECTIONS, isCaseSection, type CaseSection } from './case-sections';
import { CaseSummaryHeader } from './case-summary-header';
import { caseQueryOptions } from './queries';
import './cases.css';

const route = getRouteApi('/signed-in/cases/$caseId/$section');

type SectionComponent = ComponentType<{ theCase: Case }>;

// Each part of the case is its own chunk, loaded when it is first opened.
const SECTION_COMPONENTS: Record<CaseSection, SectionComponent> = {
  overview: lazy(() => import('./sections/overview-section').then((module) => ({ default: module.OverviewSection }))),
  people: lazy(() => import('./sections/people-section').then((module) => ({ default: module.PeopleSection }))),
  needs: lazy(() => import('./sections/needs-section').then((module) => ({ default: module.NeedsAndSafetySection }))),
  journal: lazy(() => import('./sections/journal-section').then((module) => ({ default: module.JournalAndTasksSection }))),
  consent: lazy(() => import('./sections/consent-section').then((module) => ({ default: module.ConsentAndReferralsSection }))),
  access: lazy(() => import('./sections/access-section').then((module) => ({ default: module.AccessAndProtectionSection }))),
};

/**
 * One case: a summary header (status, deadlines, who can see it), the navigation between its
 * parts, and one part at a time at its own address.
 *
 * The case is read once per opening of the page: the server audits every `GET /cases/:id`
 * (`case.viewed`), and moving between the parts keeps this component and its query mounted, so
 * it neither reads again nor skips the read (`refetchOnMount: 'always'` reads even when a recent
 * copy is cached).
 */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId, section } = route.useParams();
  // An unknown part is "not found", and a bad address never reads (and audits) the case.
  const known = isCaseSection(section);
  const theCase = useQuery({ ...caseQueryOptions(caseId), refetchOnMount: 'always', enabled: known });
  if (!known) return <NotFoundPage />;
  const title = theCase.data ? t('cases.page.title', { number: theCase.data.caseNumber }) : t('cases.list.title');
  const sectionName = t(`caseSections.names.${section}`);
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('cases.list.title'), to: '/cases' }]} current={title} />
      <PageHeading documentTitle={theCase.data ? t('caseSections.documentTitle', { section: sectionName, number: theCase.data.caseNumber }) : title}>{title}</PageHeading>
      {theCase.isPending ? <Loading /> : null}
      {theCase.isError ? <LoadError error={theCase.error} onRetry={() => void theCase.refetch()} /> : null}
      {theCase.data ? <CaseView theCase={theCase.data} section={section} /> : null}
    </div>
  );
}

function CaseView({ theCase, section }: { theCase: Case; section: CaseSection }) {
  const Section = SECTION_COMPONENTS[section];
  return (
    <>
      <CaseSummaryHeader theCase={theCase} />
      <CaseSectionNav caseId={theCase.id} current={section} />
      <div className="case-section">
        <Suspense fallback={<Loading />}>
          <Section theCase={theCase} />
        </Suspense>
      </div>
    </>
  );
}

/** The parts of the case as links: a nav landmark, the current part marked with aria-current. */
function CaseSectionNav({ caseId, current }: { caseId: string; current: CaseSection }) {
  const { t } = useTranslation();
  return (
    <nav className="case-section-nav" aria-label={t('caseSections.navLabel')}>
      <ul>
        {CASE_SECTIONS.map((key) => (
          <li key={key}>
            <DsLink asChild>
              <Link to="/cases/$caseId/$section" params={{ caseId, section: key }} aria-current={key === current ? 'page' : undefined} className="case-section-nav__link" activeOptions={{ exact: true, includeSearch: false }}>
                {t(`caseSections.names.${key}`)}
              </Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
