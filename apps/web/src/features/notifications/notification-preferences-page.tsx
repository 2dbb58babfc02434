import { Alert, Button, Fieldset, FieldsetDescription, FieldsetLegend, Link as DsLink, Paragraph, Radio } from '@digdir/designsystemet-react';
import { EMAIL_MODES, type EmailMode, type NotificationPreferences } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { updateNotificationPreferencesMutationOptions } from './mutations';
import { notificationPreferencesQueryOptions } from './queries';

/** Where an e-mail's unsubscribe link leads: immediately, daily digest, or off. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const preferences = useQuery(notificationPreferencesQueryOptions());
  return (
    <div className="narrow-page page-stack">
      <div className="page-section">
        <PageHeading>{t('notifications.preferences.title')}</PageHeading>
        <Paragraph>{t('notifications.preferences.intro')}</Paragraph>
      </div>
      {preferences.isPending ? <Loading /> : null}
      {preferences.isError ? <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} /> : null}
      {preferences.data ? <PreferencesForm preferences={preferences.data} /> : null}
      <Paragraph>
        <DsLink asChild>
          <Link to="/notifications">{t('notifications.preferences.back')}</Link>
        </DsLink>
      </Paragraph>
    </div>
  );
}

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation(updateNotificationPreferencesMutationOptions(queryClient));
  const [mode, setMode] = useState<EmailMode>(preferences.emailMode);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(mode);
  };
  return (
    <form className="page-section form-stack" onSubmit={submit} noValidate>
      {preferences.emailConfigured ? null : (
        <Alert data-color="info">
          <Paragraph>{t('notifications.preferences.notConfigured')}</Paragraph>
        </Alert>
      )}
      <Fieldset>
        <FieldsetLegend>{t('notifications.preferences.legend')}</FieldsetLegend>
        <FieldsetDescription>{t('notifications.preferences.always')}</FieldsetDescription>
        {EMAIL_MODES.map((value) => (
          <Radio
            key={value}
            name="emailMode"
            value={value}
            label={t(`notifications.preferences.${value}`)}
            description={t(`notifications.preferences.${value}Help`)}
            checked={mode === value}
            onChange={() => setMode(value)}
          />
        ))}
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={update.isPending} disabled={update.isPending}>
          {t('notifications.preferences.save')}
        </Button>
      </div>
      <MutationError error={update.error} />
      <SuccessMessage>{update.isSuccess ? t('notifications.preferences.saved') : null}</SuccessMessage>
    </form>
  );
}
