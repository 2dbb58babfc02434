import { Tag } from '@digdir/designsystemet-react';
import type { ConcernSummary } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

const STATUS_COLOR = { new: 'info', in_progress: 'accent', awaiting_reporter: 'warning', closed: 'neutral' } as const;

/** Status, possible-minor flag and the child-welfare deadline of a concern, as tags. */
export function ConcernTags({ concern }: { concern: ConcernSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tag-row">
      <Tag data-color={STATUS_COLOR[concern.status]}>{t(`identification.statuses.${concern.status}`)}</Tag>
      {concern.possibleMinor ? <Tag data-color="warning">{t('identification.possibleMinorTag')}</Tag> : null}
      {concern.childWelfareDueAt && concern.status !== 'closed' ? (
        <Tag data-color={concern.childWelfareOverdue ? 'danger' : 'warning'}>
          {t(concern.childWelfareOverdue ? 'identification.concerns.overdue' : 'identification.concerns.dueBy', {
            date: formatDateTime(concern.childWelfareDueAt, i18n.language),
          })}
        </Tag>
      ) : null}
      {concern.closeReason ? <Tag data-color="neutral">{t(`identification.closeReasons.${concern.closeReason}`)}</Tag> : null}
    </div>
  );
}
