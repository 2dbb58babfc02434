import { Button, Card, Checkbox, Heading, Link as DsLink, Paragraph, SelectOption, Tag } from '@digdir/designsystemet-react';
import { CASE_STATUSES, type CaseStatus } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { CaseSettings } from './case-settings';
import { CASE_PAGE_SIZE, casesQueryOptions } from './queries';
import './cases.css';

/** The cases the user may see: the coordinator all, others the cases whose team they are on. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const coordinator = hasPermission(me, 'cases:coordinate');
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const [mine, setMine] = useState(false);
  const [offset, setOffset] = useState(0);
  const cases = useQuery(casesQueryOptions(status, mine, offset));
  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('cases.list.title')}</PageHeading>
        {hasPermission(me, 'cases:write') ? (
          <Button asChild variant="secondary">
            <Link to="/cases/new">{t('cases.list.newCase')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('cases.list.intro')}</Paragraph>
      <div className="case-actions">
        <SelectField
          label={t('cases.list.statusFilter')}
          value={status ?? ''}
          onChange={(event) => {
            setOffset(0);
            setStatus(event.currentTarget.value === '' ? undefined : (event.currentTarget.value as CaseStatus));
          }}
        >
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          {CASE_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.statuses.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        {coordinator ? (
          <Checkbox
            label={t('cases.list.mineOnly')}
            checked={mine}
            onChange={(event) => {
              setOffset(0);
              setMine(event.currentTarget.checked);
            }}
          />
        ) : null}
      </div>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <LoadError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data ? (
        <>
          <Paragraph role="status">{t('cases.list.count', { count: cases.data.total })}</Paragraph>
          <ul className="case-list" aria-label={t('cases.list.listLabel')}>
            {cases.data.items.map((item) => (
              <li key={item.id}>
                <Card>
                  <Heading level={2} data-size="xs">
                    <DsLink asChild>
                      <Link to="/cases/$caseId" params={{ caseId: item.id }}>
                        {t('cases.page.title', { number: item.caseNumber })}
                      </Link>
                    </DsLink>
                  </Heading>
                  <div className="case-tags">
                    <Tag data-color={item.status === 'open' ? 'success' : item.status === 'follow_up' ? 'info' : 'neutral'}>{t(`cases.statuses.${item.status}`)}</Tag>
                    {item.isMinor ? <Tag data-color="warning">{t('cases.list.minor')}</Tag> : null}
                    {item.personalDataErased ? <Tag data-color="neutral">{t('cases.list.erased')}</Tag> : null}
                    {item.isMember ? <Tag data-color="accent">{t('cases.list.member')}</Tag> : null}
                  </div>
                  <Paragraph data-size="sm">
                    {t(`cases.sources.${item.sourceKind}`)}
                    {' · '}
                    {t('cases.list.opened', { date: formatDateTime(item.createdAt, i18n.language) ?? '' })}
                    {item.owner ? ` · ${t('cases.list.owner', { name: item.owner.name })}` : ''}
                    {item.openReferrals > 0 ? ` · ${t('cases.list.openReferrals', { count: item.openReferrals })}` : ''}
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
          <div className="case-actions">
            {offset > 0 ? (
              <Button variant="tertiary" onClick={() => setOffset(Math.max(0, offset - CASE_PAGE_SIZE))}>
                {t('pagination.previous')}
              </Button>
            ) : null}
            {offset + CASE_PAGE_SIZE < cases.data.total ? (
              <Button variant="tertiary" onClick={() => setOffset(offset + CASE_PAGE_SIZE)}>
                {t('pagination.next')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {coordinator ? <CaseSettings /> : null}
    </div>
  );
}
