import { forwardRef, useId, type InputHTMLAttributes } from 'react';

type PlainTextfieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { label: string; error?: string | undefined };

/**
 * A text field drawn with Designsystemet's CSS classes but without its React Field component,
 * which pulls in the design system's web components (combobox, tabs, popover polyfill, floating
 * UI: about 28 kB gzipped). Used on the sign-in page only, to keep the first page small (#14's
 * 250 kB budget). The label, the error and the input are tied together here by hand, as Field
 * would: label for, aria-invalid and aria-describedby.
 */
export const PlainTextfield = forwardRef<HTMLInputElement, PlainTextfieldProps>(function PlainTextfield({ label, error, ...input }, ref) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id} data-weight="medium">
        {label}
      </label>
      <input ref={ref} id={id} className="ds-input" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
      {error ? (
        <div className="ds-validation-message" id={errorId} data-field="validation">
          {error}
        </div>
      ) : null}
    </div>
  );
});
