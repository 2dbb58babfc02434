import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../lib/format';
import { partnerReferralsQueryOptions } from './queries';
import './cases.css';

/** A partner's inbox: referrals to the user's organisation (the shared fields are read one at a time). */
export function PartnerReferralsPage() {
  const { t, i18n } = useTranslation();
  const referrals = useQuery(partnerReferralsQueryOptions());
  return (
    <div className="page-stack">
      <PageHeading>{t('cases.partner.title')}</PageHeading>
      <Paragraph>{t('cases.partner.intro')}</Paragraph>
      {referrals.isPending ? <Loading /> : null}
      {referrals.isError ? <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
      {referrals.data ? (
        referrals.data.items.length === 0 ? (
          <Paragraph>{t('cases.partner.empty')}</Paragraph>
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
    </div>
  );
}
