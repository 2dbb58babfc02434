import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { MeResponse } from '@lykt/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage } from '../../components/load-state';
import { meQueryKey } from '../auth/queries';
import { MfaEnrolment } from '../auth/mfa-enrolment';

/** Shows whether MFA is on, and lets a user without it enrol. */
export function ProfileMfa({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isEnrolling, setIsEnrolling] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const finish = async () => {
    setIsEnrolling(false);
    setIsDone(true);
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  return (
    <section className="page-section" aria-labelledby="profile-mfa">
      <Heading level={2} data-size="sm" id="profile-mfa">
        {t('profile.mfa.heading')}
      </Heading>
      <SuccessMessage>{isDone ? t('auth.mfaEnrolment.done') : null}</SuccessMessage>
      {me.user.mfaEnabled ? (
        <Paragraph>{t('profile.mfa.enabled')}</Paragraph>
      ) : (
        <>
          {me.user.mfaRequired ? (
            <Alert data-color="warning">
              <Paragraph>{t('profile.mfa.required')}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>{t('profile.mfa.disabled')}</Paragraph>
          {isEnrolling ? (
            <MfaEnrolment headingLevel={3} onDone={finish} />
          ) : (
            <div className="button-row">
              <Button
                variant="secondary"
                onClick={() => {
                  setIsEnrolling(true);
                }}
              >
                {t('profile.mfa.start')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
