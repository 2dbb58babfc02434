import { Paragraph } from '@digdir/designsystemet-react';
import { listedForms, type ExploitationForm, type ScreeningProfile } from '@lykt/shared';
import { useTranslation } from 'react-i18next';

/**
 * The indicator profile as the answers give it: a general level from the general signs of control, and
 * only the forms that have indicators of their own. Profiles saved before catalogue 2026.2 have no
 * general level (general signs then counted in every form) and say so.
 */
export function ProfileSummary({ profile, suspectedForms }: { profile: ScreeningProfile; suspectedForms?: readonly ExploitationForm[] }) {
  const { t } = useTranslation();
  const forms = listedForms(profile);
  const general = profile.general;
  return (
    <div className="profile-summary" data-testid="profile-summary">
      {profile.level === 'none' ? (
        <Paragraph>{t('identification.result.noIndicators')}</Paragraph>
      ) : (
        <ul>
          {general && general.level !== 'none' ? (
            <li data-testid="profile-general">
              {t('identification.result.generalLine', {
                level: t(`identification.levels.${general.level}`),
                strong: general.strong,
                medium: general.medium,
                weak: general.weak,
              })}
            </li>
          ) : null}
          {forms.map((form) => (
            <li key={form.form} data-testid={`profile-form-${form.form}`}>
              {t('identification.result.formLine', {
                form: t(`identification.forms.${form.form}`),
                level: t(`identification.levels.${form.level}`),
                strong: form.strong,
                medium: form.medium,
                weak: form.weak,
              })}
            </li>
          ))}
        </ul>
      )}
      {general && general.level !== 'none' && forms.length === 0 ? <Paragraph>{t('identification.result.noFormOfItsOwn')}</Paragraph> : null}
      {!general && profile.level !== 'none' ? <Paragraph data-size="sm">{t('identification.result.oldProfile', { version: profile.catalogueVersion })}</Paragraph> : null}
      {suspectedForms ? (
        <Paragraph>
          {t('identification.result.suspected', {
            forms: suspectedForms.length > 0 ? suspectedForms.map((form) => t(`identification.forms.${form}`)).join(', ') : t('identification.result.suspectedNone'),
          })}
        </Paragraph>
      ) : null}
    </div>
  );
}
