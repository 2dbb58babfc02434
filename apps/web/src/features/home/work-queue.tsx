import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { HOME_GROUPS, type HomeCount } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { formatNumber } from '../../lib/format';
import { homeQueueQueryOptions } from './queries';

/** The router writes a string that reads as JSON ("true") in quotes: give it the value it stands for, so the address reads `unread=true`. */
function routerSearch(search: Record<string, string>): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(search).map(([key, value]) => [key, value === 'true' ? true : value === 'false' ? false : value]));
}

function CountLink({ item }: { item: HomeCount }) {
  const { t, i18n } = useTranslation();
  const isUrgent = item.urgent && item.count > 0;
  return (
    <li className="home-count" data-urgent={isUrgent} data-empty={item.count === 0}>
      <DsLink asChild>
        <Link to={item.link.to} search={routerSearch(item.link.search)}>
          <span className="home-count__number">{formatNumber(item.count, i18n.language)}</span>
          <span className="home-count__label">{t(`home.queue.counts.${item.key}`)}</span>
        </Link>
      </DsLink>
      {isUrgent ? (
        <Tag data-color="danger" data-size="sm" className="home-count__tag">
          {t('home.queue.urgent')}
        </Tag>
      ) : null}
    </li>
  );
}

/** The counts of what needs the user, grouped by the work, each opening its filtered list. */
export function WorkQueue() {
  const { t } = useTranslation();
  const queue = useQuery(homeQueueQueryOptions());
  if (queue.data && queue.data.counts.length === 0) return null;
  const waiting = queue.data?.counts.filter((item) => item.count > 0).length ?? 0;
  return (
    <section className="page-section" aria-labelledby="home-queue">
      <Heading level={2} data-size="sm" id="home-queue">
        {t('home.queue.heading')}
      </Heading>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <LoadError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data && waiting === 0 ? <Paragraph>{t('home.queue.empty')}</Paragraph> : null}
      {queue.data ? (
        <div className="home-cards">
          {HOME_GROUPS.map((group) => {
            const items = queue.data.counts.filter((item) => item.group === group);
            if (items.length === 0) return null;
            return (
              <Card key={group} className="home-card" data-color="neutral">
                <Heading level={3} data-size="2xs" id={`home-group-${group}`}>
                  {t(`home.queue.groups.${group}`)}
                </Heading>
                <ul className="home-counts" aria-labelledby={`home-group-${group}`}>
                  {items.map((item) => (
                    <CountLink key={`${item.key}-${item.link.to}`} item={item} />
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}

/** For those who follow the plan: its progress and the latest final council report. */
export function PlanAndReportCards() {
  const { t } = useTranslation();
  const queue = useQuery(homeQueueQueryOptions());
  const data = queue.data;
  if (!data || (data.plan === null && data.report === null && data.counts.length > 0)) return null;
  const { plan, report } = data;
  return (
    <div className="home-cards">
      <Card className="home-card" data-color="neutral">
        <Heading level={2} data-size="2xs">
          {t('home.plan.heading')}
        </Heading>
        {plan ? (
          <Paragraph>
            <DsLink asChild>
              <Link to="/plans/$planId/versions/$version" params={{ planId: plan.planId, version: String(plan.version) }}>
                {plan.totalProgress === null
                  ? t('home.plan.noProgress', { title: plan.title, version: plan.version })
                  : t('home.plan.progress', { title: plan.title, version: plan.version, progress: Math.round(plan.totalProgress) })}
              </Link>
            </DsLink>
          </Paragraph>
        ) : (
          <Paragraph>{t('home.plan.none')}</Paragraph>
        )}
      </Card>
      <Card className="home-card" data-color="neutral">
        <Heading level={2} data-size="2xs">
          {t('home.report.heading')}
        </Heading>
        {report ? (
          <Paragraph>
            <DsLink asChild>
              <Link to="/reports/$reportId/versions/$number" params={{ reportId: report.reportId, number: String(report.version) }}>
                {t('home.report.latest', { year: report.year, version: report.version })}
              </Link>
            </DsLink>
          </Paragraph>
        ) : (
          <Paragraph>{t('home.report.none')}</Paragraph>
        )}
      </Card>
    </div>
  );
}
