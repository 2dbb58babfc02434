import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MfaCodeBodySchema } from '@lykt/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { MfaCodeField } from './mfa-code-field';
import { confirmMfaEnrolmentMutationOptions, startMfaEnrolmentMutationOptions } from './mutations';

interface MfaEnrolmentProps {
  /** Level of the step headings, so they fit under the page's own headings. */
  headingLevel: 2 | 3;
  onDone: () => void | Promise<void>;
  /** Called when the server says the session is gone or not in a state to enrol. */
  onError?: ((error: unknown) => boolean | Promise<boolean>) | undefined;
}

/**
 * Enrols TOTP MFA: shows the otpauth URL as a QR code (rendered in the browser, nothing leaves it),
 * the secret for manual entry, and a code field to confirm.
 */
export function MfaEnrolment({ headingLevel, onDone, onError }: MfaEnrolmentProps) {
  const { t } = useTranslation();
  const start = useMutation(startMfaEnrolmentMutationOptions());
  const confirm = useMutation(confirmMfaEnrolmentMutationOptions());
  const { mutate: startEnrolment } = start;
  const hasStarted = useRef(false);

  useEffect(() => {
    // Each start makes a new secret on the server, so start exactly once per visit.
    if (hasStarted.current) return;
    hasStarted.current = true;
    startEnrolment(undefined, { onError: (error) => void onError?.(error) });
  }, [startEnrolment, onError]);

  const otpauthUrl = start.data?.otpauthUrl;
  const qrCode = useQuery({
    queryKey: ['mfa-qr-code', otpauthUrl],
    // The QR library is only needed here, so it loads on demand.
    queryFn: async () => {
      const { toDataURL } = await import('qrcode');
      return toDataURL(otpauthUrl ?? '', { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    },
    enabled: Boolean(otpauthUrl),
    staleTime: Infinity,
    gcTime: 0,
  });

  // One field: no error summary; the field itself takes focus on an error (react-hook-form's
  // shouldFocusError, and codeFields for the server's INVALID_MFA_CODE). Source: Nav's Aksel,
  // «Mønster for skjemavalidering» (aksel.nav.no, updated 9 May 2025, checked 2026-12-05): the error
  // summary is not needed when a page never has more than one form field; then that field takes focus.
  // No unsaved-changes guard: the code is six digits the server accepts for at most 90 seconds (30 s
  // steps, one step either side: apps/api/src/platform/totp.ts), so nothing worth keeping is lost.
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({ resolver: zodResolver(MfaCodeBodySchema), defaultValues: { code: '' } });
  const { feedback, onServerError } = useFormFeedback(setError, { fields: ['code'], codeFields: { INVALID_MFA_CODE: 'code' } });

  const onSubmit = handleSubmit((values) => {
    confirm.mutate(values, {
      onSuccess: () => void onDone(),
      onError: (error) => {
        void (async () => {
          if (await onError?.(error)) return;
          onServerError(error);
        })();
      },
    });
  });

  if (start.isPending || start.isIdle) return <Loading />;
  if (start.isError)
    return (
      <LoadError
        error={start.error}
        onRetry={() => {
          startEnrolment(undefined);
        }}
      />
    );
  const secret = start.data.secret;

  return (
    <div className="mfa-enrolment">
      <section className="mfa-step">
        <Heading level={headingLevel} data-size="xs">
          {t('auth.mfaEnrolment.stepScan')}
        </Heading>
        <Paragraph>{t('auth.mfaEnrolment.stepScanText')}</Paragraph>
        <Card className="qr-card" variant="tinted">
          {qrCode.data ? <img src={qrCode.data} width={220} height={220} alt={t('auth.mfaEnrolment.qrAlt')} /> : <Loading />}
        </Card>
      </section>
      <section className="mfa-step">
        <Heading level={headingLevel} data-size="xs">
          {t('auth.mfaEnrolment.stepManual')}
        </Heading>
        <Paragraph>{t('auth.mfaEnrolment.stepManualText')}</Paragraph>
        <Textfield
          label={t('auth.mfaEnrolment.secretLabel')}
          value={secret}
          readOnly
          className="secret-field"
          spellCheck={false}
          autoComplete="off"
        />
      </section>
      <section className="mfa-step">
        <Heading level={headingLevel} data-size="xs">
          {t('auth.mfaEnrolment.stepConfirm')}
        </Heading>
        <Paragraph>{t('auth.mfaEnrolment.stepConfirmText')}</Paragraph>
        <MutationError error={feedback.formError} />
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
          <MfaCodeField label={t('auth.mfaEnrolment.code')} error={fieldErrorText(t, errors.code, 'code')} {...register('code')} />
          <div className="button-row">
            <Button type="submit" loading={confirm.isPending} disabled={confirm.isPending}>
              {t('auth.mfaEnrolment.submit')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
