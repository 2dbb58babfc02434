import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog';

/**
 * Asks before leaving a form with unsaved changes: inside the app a dialog (stay, or leave and lose
 * the changes), and the browser's own question when the tab is closed or reloaded. Nothing typed is
 * written to browser storage; see docs/SECURITY.md ("Forms keep what was typed in memory only").
 */
export function UnsavedChangesGuard({ when, released }: { when: boolean; released?: { readonly current: boolean } | undefined }) {
  const { t } = useTranslation();
  // `released` is read when the navigation starts: a save that has just succeeded lets go at once.
  const blocks = () => when && released?.current !== true;
  const blocker = useBlocker({ shouldBlockFn: blocks, enableBeforeUnload: blocks, withResolver: true });
  return (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title={t('form.unsaved.title')}
      text={t('form.unsaved.text')}
      confirmLabel={t('form.unsaved.leave')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}
