import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from './load-state';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  isPending?: boolean | undefined;
  error?: unknown;
  isDanger?: boolean | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before a change that is hard to undo. */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  isPending,
  error,
  isDanger = true,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onCancel} closeButton={t('common.closeDialog')} aria-labelledby={headingId} closedby="any">
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
      <MutationError error={error} />
      <div className="button-row">
        <Button data-color={isDanger ? 'danger' : 'accent'} onClick={onConfirm} loading={isPending} disabled={isPending}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
