import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { useMe } from '../auth/use-me';
import { ChangePasswordForm } from './change-password-form';
import { LanguageForm } from './language-form';
import { ProfileMfa } from './profile-mfa';
import { ProfilePasskeys } from './profile-passkeys';

/** The signed-in user's own settings: language, password and MFA. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="narrow-page">
      <PageHeading>{t('profile.title')}</PageHeading>
      <section className="page-section" aria-labelledby="profile-details">
        <Heading level={2} data-size="sm" id="profile-details">
          {t('profile.details')}
        </Heading>
        <dl className="details-list">
          <dt>{t('profile.name')}</dt>
          <dd>{me.user.name}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>{me.user.email}</dd>
          <dt>{t('profile.role')}</dt>
          <dd>{t(`roles.${me.user.role}`)}</dd>
          <dt>{t('profile.organisation')}</dt>
          <dd>{me.organisation.name}</dd>
        </dl>
      </section>
      <LanguageForm me={me} />
      <ChangePasswordForm />
      <ProfileMfa me={me} />
      <ProfilePasskeys me={me} />
    </div>
  );
}
