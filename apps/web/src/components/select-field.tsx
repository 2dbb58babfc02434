import { Field, FieldDescription, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ComponentProps, ReactNode } from 'react';

export type SelectFieldProps = ComponentProps<typeof Select> & {
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
};

/** A labelled native select, composed from the design system's Field parts (which tie label, description and error to it). */
export function SelectField({ label, description, error, children, ...selectProps }: SelectFieldProps) {
  return (
    <Field>
      <Label>{label}</Label>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <Select aria-invalid={error ? true : undefined} {...selectProps}>
        {children}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
