import { SelectOption } from '@digdir/designsystemet-react';
import { SelectField } from '../../components/select-field';

/** A labelled select over a fixed list of codes, each shown by its text. */
export function EnumSelect<Value extends string>({ label, values, value, text, onChange, disabled }: { label: string; values: readonly Value[]; value: Value; text: (value: Value) => string; onChange: (value: Value) => void; disabled?: boolean }) {
  return (
    <SelectField label={label} value={value} disabled={disabled} onChange={(event) => onChange(event.currentTarget.value as Value)}>
      {values.map((option) => (
        <SelectOption key={option} value={option}>
          {text(option)}
        </SelectOption>
      ))}
    </SelectField>
  );
}
