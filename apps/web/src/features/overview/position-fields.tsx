import { Fieldset, FieldsetDescription, FieldsetLegend, Textfield } from '@digdir/designsystemet-react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../lib/error-text';

/** An empty field is no position; anything else is read as a number (the schema checks the range). */
export function positionValue(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  // A decimal comma (as Norwegian keyboards give) reads as a point; anything else fails the schema.
  return typeof value === 'string' ? Number(value.trim().replace(',', '.')) : Number.NaN;
}

/**
 * Latitude and longitude of a site or service, typed in (no geocoder: an address is never sent to
 * any service). Both or neither; the shared schema checks the ranges.
 */
export function PositionFields({ latitude, longitude, errors }: { latitude: UseFormRegisterReturn; longitude: UseFormRegisterReturn; errors: { latitude?: FieldError | undefined; longitude?: FieldError | undefined } }) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <FieldsetLegend>{t('overview.map.heading')}</FieldsetLegend>
      <FieldsetDescription>{t('overview.map.positionHint')}</FieldsetDescription>
      <Textfield inputMode="decimal" autoComplete="off" label={t('overview.map.latitude')} error={fieldErrorText(t, errors.latitude)} {...latitude} />
      <Textfield inputMode="decimal" autoComplete="off" label={t('overview.map.longitude')} error={fieldErrorText(t, errors.longitude)} {...longitude} />
    </Fieldset>
  );
}
