import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS, type MunicipalitySettings } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { removeLogoMutationOptions, setLogoMutationOptions } from './mutations';

const ACCEPTED = ['image/png', 'image/jpeg'];

/** The file as base64 without the data: URL prefix. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * The logo printed on the municipality's documents: the current one with its size, and for an
 * administrator a file field to replace it and a button to remove it. Size and type are checked
 * here for a quick answer and again by the server, which reads the file's header.
 */
export function LogoForm({ settings, canWrite }: { settings: MunicipalitySettings; canWrite: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const upload = useMutation(setLogoMutationOptions(queryClient));
  const remove = useMutation(removeLogoMutationOptions(queryClient));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const logo = settings.logo;
  const limits = { kb: LOGO_MAX_BYTES / 1024, pixels: LOGO_MAX_PIXELS };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    if (!file) return setFileError(t('settings.logo.chooseFile'));
    if (!ACCEPTED.includes(file.type)) return setFileError(t('settings.logo.wrongType'));
    if (file.size > LOGO_MAX_BYTES) return setFileError(t('settings.logo.tooLarge', limits));
    setFileError(undefined);
    void base64Of(file).then((image) => upload.mutate({ image }));
  };

  return (
    <section aria-labelledby={headingId} className="form-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('settings.logo.heading')}
      </Heading>
      <Paragraph>{t('settings.logo.description', limits)}</Paragraph>
      {logo ? (
        <div className="form-stack">
          <img src={`/api/v1/municipality/logo?v=${logo.bytes}-${logo.width}x${logo.height}`} alt={t('settings.logo.currentAlt', { name: settings.name })} className="logo-preview" />
          <Paragraph data-size="sm">{t('settings.logo.current', { type: logo.type === 'png' ? 'PNG' : 'JPEG', width: logo.width, height: logo.height, kb: Math.max(1, Math.round(logo.bytes / 1024)) })}</Paragraph>
        </div>
      ) : (
        <Paragraph data-size="sm">{t('settings.logo.none')}</Paragraph>
      )}
      <MutationError error={upload.error ?? remove.error} />
      <SuccessMessage>{upload.isSuccess ? t('settings.logo.saved') : remove.isSuccess ? t('settings.logo.removed') : null}</SuccessMessage>
      {canWrite ? (
        <form onSubmit={onSubmit} noValidate className="form-stack">
          <Textfield
            label={t('settings.logo.file')}
            description={t('settings.logo.fileDescription', limits)}
            type="file"
            accept={ACCEPTED.join(',')}
            error={fileError}
            onChange={(event) => {
              upload.reset();
              setFileError(undefined);
              setFile(event.currentTarget.files?.[0] ?? null);
            }}
          />
          <div className="button-row">
            <Button type="submit" loading={upload.isPending} disabled={upload.isPending}>
              {t('settings.logo.upload')}
            </Button>
            {logo ? (
              <Button type="button" variant="secondary" loading={remove.isPending} disabled={remove.isPending} onClick={() => { upload.reset(); remove.mutate(); }}>
                {t('settings.logo.remove')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
