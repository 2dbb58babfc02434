import { Card, Heading, Link as DsLink, Paragraph, SelectOption, Tag, Textfield } from '@digdir/designsystemet-react';
import { NEED_KINDS } from '@lykt/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../components/keyset-pager';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { useListSearch } from '../../lib/use-list-search';
import { partnerReferralsQueryOptions } from './queries';
import { PARTNER_REFERRAL_STATUSES, parsePartnerReferralsSearch, type PartnerReferralSort } from './search';
import './cases.css';

const route = getRouteApi('/signed-in/referrals');
/** The sorts in the order people pick them: the default (latest sent first) on top. */
const SORT_OPTIONS: readonly PartnerReferralSort[] = ['-sentAt', 'sentAt', 'answerDueAt', '-answerDueAt', 'status', '-status'];

/** A partner's inbox: referrals to the user's organisation (the shared fields are read one at a time). */
export function PartnerReferralsPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const referrals = useQuery({ ...partnerReferralsQueryOptions(search), placeholderData: keepPreviousData });
  return (
    <div className="page-stack">
      <PageHeading>{t('cases.partner.title')}</PageHeading>
      <Paragraph>{t('cases.partner.intro')}</Paragraph>
      <ListToolbar key={JSON.stringify(search)} label={t('cases.partner.filters')} onApply={(values) => list.apply(parsePartnerReferralsSearch(values))} onReset={list.reset}>
        <Textfield label={t('cases.partner.search')} description={t('cases.partner.searchHelp')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('cases.partner.stateFilter')} name="state" defaultValue={search.state ?? ''}>
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          <SelectOption value="awaiting">{t('cases.partner.awaiting')}</SelectOption>
          <SelectOption value="overdue">{t('cases.partner.overdue')}</SelectOption>
        </SelectField>
        <SelectField label={t('cases.partner.statusFilter')} name="status" defaultValue={search.status ?? ''}>
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          {PARTNER_REFERRAL_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.values.referralStatuses.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('cases.partner.needFilter')} name="needKind" defaultValue={search.needKind ?? ''}>
          <SelectOption value="">{t('cases.partner.allNeeds')}</SelectOption>
          {NEED_KINDS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.values.needKinds.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-sentAt'}>
          {SORT_OPTIONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.partner.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      <ListSearchRegion searching={referrals.isPlaceholderData}>
        {referrals.isPending ? <Loading /> : null}
        {referrals.isError ? <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
        {referrals.data ? (
          referrals.data.items.length === 0 ? (
            <Paragraph role="status">{t('cases.partner.empty')}</Paragraph>
          ) : (
            <ul className="case-list">
              {referrals.data.items.map((referral) => (
                <li key={referral.id}>
                  <Card>
                    <Heading level={2} data-size="xs">
                      <DsLink asChild>
                        <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
                          {t('cases.partner.itemTitle', { number: referral.caseNumber, need: t(`cases.values.needKinds.${referral.needKind}`) })}
                        </Link>
                      </DsLink>
                    </Heading>
                    <div className="case-tags">
                      <Tag data-color="info">{t(`cases.values.referralStatuses.${referral.status}`)}</Tag>
                    </div>
                    <Paragraph data-size="sm">{t('cases.partner.answerBy', { date: formatDateTime(referral.answerDueAt, i18n.language) ?? '' })}</Paragraph>
                  </Card>
                </li>
              ))}
            </ul>
          )
        ) : null}
        {referrals.data ? (
          <KeysetPager listName={t('cases.partner.title')} total={referrals.data.total} nextCursor={referrals.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} />
        ) : null}
      </ListSearchRegion>
    </div>
  );
}
