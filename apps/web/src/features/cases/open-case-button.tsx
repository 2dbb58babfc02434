import { Button } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../auth/use-me';

/** "Open case" on a concern or tip page, for users who may open cases. The server refuses a second case from the same source. */
export function OpenCaseButton({ sourceKind, sourceId }: { sourceKind: 'concern' | 'tip'; sourceId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me, 'cases:write')) return null;
  return (
    <div className="case-actions">
      <Button asChild variant="secondary">
        <Link to="/cases/new" search={{ sourceKind, sourceId }}>
          {t('cases.sourceActions.openCase')}
        </Link>
      </Button>
    </div>
  );
}
