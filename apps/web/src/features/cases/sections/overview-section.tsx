import { Heading } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { FactsSection } from '../case-facts-section';
import { ClosingSection } from '../case-protection-section';

/** Overview: when and by whom the case was opened, why it was closed or reopened, the coded facts and the case's status. */
export function OverviewSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <section className="page-section" aria-labelledby="case-overview">
        <Heading level={2} data-size="sm" id="case-overview">
          {t('caseSections.names.overview')}
        </Heading>
        <dl className="case-facts">
          <dt>{t('cases.page.source')}</dt>
          <dd>{t(`cases.sources.${theCase.sourceKind}`)}</dd>
          <dt>{t('cases.page.opened')}</dt>
          <dd>{formatDateTime(theCase.createdAt, i18n.language)}</dd>
          <dt>{t('cases.page.owner')}</dt>
          <dd>{theCase.owner?.name ?? t('common.empty')}</dd>
          {theCase.closeReason ? (
            <>
              <dt>{t('cases.page.closeReason')}</dt>
              <dd>{theCase.closeReason}</dd>
            </>
          ) : null}
          {theCase.reopenReason ? (
            <>
              <dt>{t('cases.page.reopenReason')}</dt>
              <dd>{theCase.reopenReason}</dd>
            </>
          ) : null}
          {theCase.erasureReason ? (
            <>
              <dt>{t('cases.page.erasureReason')}</dt>
              <dd>{theCase.erasureReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <FactsSection theCase={theCase} />
      <ClosingSection theCase={theCase} />
    </>
  );
}
