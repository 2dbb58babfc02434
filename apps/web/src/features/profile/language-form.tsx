import { Button, Fieldset, FieldsetLegend, Heading, Radio } from '@digdir/designsystemet-react';
import type { MeResponse } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { applyLanguage, isAppLanguage } from '../../i18n';
import { meQueryKey } from '../auth/queries';
import { updateMeMutationOptions } from './mutations';

type LanguageChoice = 'nb' | 'en' | 'default';

/** The user's preferred language, saved on their profile; "default" follows the municipality. */
export function LanguageForm({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation(updateMeMutationOptions());
  const current: LanguageChoice = isAppLanguage(me.user.language) ? me.user.language : 'default';
  const { register, handleSubmit } = useForm<{ language: LanguageChoice }>({ values: { language: current } });

  const onSubmit = handleSubmit(({ language }) => {
    const saved = language === 'default' ? null : language;
    update.mutate(
      { language: saved },
      {
        onSuccess: () => {
          const shown = saved ?? me.municipality.defaultLanguage;
          if (isAppLanguage(shown)) void applyLanguage(shown);
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
        },
      },
    );
  });

  return (
    <section className="page-section" aria-labelledby="profile-language">
      <Heading level={2} data-size="sm" id="profile-language">
        {t('profile.language.heading')}
      </Heading>
      <MutationError error={update.error} />
      <SuccessMessage>{update.isSuccess ? t('profile.language.saved') : null}</SuccessMessage>
      <form onSubmit={(event) => void onSubmit(event)} className="form-stack">
        <Fieldset>
          <FieldsetLegend>{t('profile.language.legend')}</FieldsetLegend>
          <Radio label={t('profile.language.nb')} lang="nb" value="nb" {...register('language')} />
          <Radio label={t('profile.language.en')} lang="en" value="en" {...register('language')} />
          <Radio label={t('profile.language.municipalityDefault')} value="default" {...register('language')} />
        </Fieldset>
        <div className="button-row">
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t('profile.language.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
