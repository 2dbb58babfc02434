import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { TileSourceSchema, tileOrigin, type TileSource, type TileSourceBody } from '@lykt/shared';
import { mutationOptions, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { overviewKeys } from './queries';

const tileSourceKey = [...overviewKeys.all, 'tile-source'] as const;

/** The administrator's setting: where the situation map's background tiles come from (or none). */
export function TileSourceSection() {
  const { t } = useTranslation();
  const current = useQuery(queryOptions({ queryKey: tileSourceKey, queryFn: ({ signal }) => api.get<TileSourceBody>('/overview/tile-source', { signal }) }));
  return (
    <section aria-labelledby="tile-source-heading" className="page-section">
      <Heading level={2} data-size="sm" id="tile-source-heading">
        {t('overview.map.tiles.heading')}
      </Heading>
      <Paragraph>{t('overview.map.tiles.intro')}</Paragraph>
      {current.isPending ? <Loading /> : null}
      {current.isError ? <LoadError error={current.error} onRetry={() => void current.refetch()} /> : null}
      {current.data ? <TileSourceForm source={current.data.tileSource} /> : null}
    </section>
  );
}

function TileSourceForm({ source }: { source: TileSource | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(
    mutationOptions({
      mutationKey: tileSourceKey,
      mutationFn: (body: TileSourceBody) => api.put<TileSourceBody>('/overview/tile-source', body),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
    }),
  );
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(TileSourceSchema),
    values: source ?? { url: '', attribution: '', maxZoom: 18 },
  });
  const onSubmit = handleSubmit((values) => save.mutate({ tileSource: values }));
  const removed = save.isSuccess && save.variables.tileSource === null;
  return (
    <form className="form-stack" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Paragraph data-size="sm" aria-live="polite">
        {source ? t('overview.map.tiles.current', { origin: tileOrigin(source.url) }) : t('overview.map.tiles.none')}
      </Paragraph>
      <MutationError error={save.error} />
      <SuccessMessage>{save.isSuccess ? (removed ? t('overview.map.tiles.removed') : t('overview.map.tiles.saved')) : null}</SuccessMessage>
      <Textfield label={t('overview.map.tiles.url')} description={t('overview.map.tiles.urlHint')} autoComplete="off" inputMode="url" error={errors.url ? t('overview.map.tiles.urlInvalid') : undefined} {...register('url')} />
      <Textfield label={t('overview.map.tiles.attribution')} autoComplete="off" error={fieldErrorText(t, errors.attribution)} {...register('attribution')} />
      <Textfield type="number" inputMode="numeric" label={t('overview.map.tiles.maxZoom')} error={fieldErrorText(t, errors.maxZoom)} {...register('maxZoom', { valueAsNumber: true })} />
      <div className="button-row">
        <Button type="submit" disabled={save.isPending}>
          {t('overview.map.tiles.save')}
        </Button>
        {source ? (
          <Button
            type="button"
            variant="secondary"
            disabled={save.isPending}
            onClick={() => {
              save.mutate({ tileSource: null });
              reset({ url: '', attribution: '', maxZoom: 18 });
            }}
          >
            {t('overview.map.tiles.remove')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
