import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, MutationError, SuccessMessage } from '../../components/load-state';
import { updateCaseSettingsMutationOptions } from './mutations';
import { caseSettingsQueryOptions } from './queries';

/** The coordinator sets how long personal data is kept after a case is closed. */
export function CaseSettings() {
  const { t } = useTranslation();
  const settings = useQuery(caseSettingsQueryOptions());
  return (
    <section className="page-section" aria-labelledby="case-settings">
      <Heading level={2} data-size="sm" id="case-settings">
        {t('cases.settings.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.settings.intro')}</Paragraph>
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <RetentionForm initial={settings.data.retentionMonths} /> : null}
    </section>
  );
}

function RetentionForm({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(updateCaseSettingsMutationOptions(queryClient));
  const [months, setMonths] = useState(String(initial));
  return (
    <form
      className="case-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(Number(months));
      }}
    >
      <Textfield type="number" inputMode="numeric" min={1} max={240} label={t('cases.settings.months')} value={months} onChange={(event) => setMonths(event.currentTarget.value)} />
      <MutationError error={save.error} />
      <SuccessMessage>{save.isSuccess ? t('cases.settings.saved') : null}</SuccessMessage>
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t('cases.settings.save')}
        </Button>
      </div>
    </form>
  );
}
