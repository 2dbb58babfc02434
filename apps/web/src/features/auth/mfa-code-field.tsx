import { Textfield } from '@digdir/designsystemet-react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type MfaCodeFieldProps = UseFormRegisterReturn & {
  label: string;
  description?: string | undefined;
  error?: string | undefined;
};

/** A six-digit one-time code field that phones and password managers recognise. */
export function MfaCodeField({ label, description, error, ...field }: MfaCodeFieldProps) {
  return (
    <Textfield
      label={label}
      description={description}
      error={error}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      className="code-field"
      {...field}
    />
  );
}
