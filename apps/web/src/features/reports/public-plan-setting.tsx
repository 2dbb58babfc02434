import { Heading, Link as DsLink, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { publicPlanMutationOptions } from './mutations';
import { publicPlanSettingQueryOptions } from './queries';

/** The switch that publishes the adopted action plan on the public pages (shown on the public-page settings). */
export function PublicPlanSettingSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setting = useQuery(publicPlanSettingQueryOptions());
  const save = useMutation(publicPlanMutationOptions(queryClient));
  return (
    <section className="page-section" aria-labelledby="public-plan-setting">
      <Heading level={2} data-size="sm" id="public-plan-setting">
        {t('reports.publicPlan.heading')}
      </Heading>
      <Paragraph>{t('reports.publicPlan.intro')}</Paragraph>
      {setting.isPending ? <Loading /> : null}
      {setting.isError ? <LoadError error={setting.error} onRetry={() => void setting.refetch()} /> : null}
      {setting.data ? (
        <>
          <Switch
            label={t('reports.publicPlan.enabled')}
            checked={save.isPending ? (save.variables?.enabled ?? setting.data.enabled) : setting.data.enabled}
            disabled={save.isPending}
            onChange={(event) => save.mutate({ enabled: event.currentTarget.checked })}
          />
          <MutationError error={save.error} />
          {setting.data.enabled ? (
            <Paragraph>
              <DsLink href={setting.data.path}>{t('reports.publicPlan.open')}</DsLink>
            </Paragraph>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
