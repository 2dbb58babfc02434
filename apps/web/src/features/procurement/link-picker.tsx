import { Button, Paragraph, SelectOption } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';

interface LinkPickerProps {
  /** What can still be linked, each with its visible label. */
  options: { id: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  /** The field's error, if any; the mutation's own error shows above only when no field error explains it. */
  fieldError: string | undefined;
  mutationError: unknown;
  pending: boolean;
  texts: { noneAvailable: string; choose: string; chooseNone: string; link: string };
}

/**
 * The "link one more" form under a list of links, shared by the two sides of the contract ↔
 * measure link (a measure's contracts, a contract's measures): a note when nothing is left to
 * link, else a select of what is and a submit button.
 */
export function LinkPicker({ options, value, onChange, onSubmit, fieldError, mutationError, pending, texts }: LinkPickerProps) {
  if (options.length === 0) return <Paragraph data-size="sm">{texts.noneAvailable}</Paragraph>;
  return (
    <form className="form-stack" noValidate onSubmit={onSubmit}>
      {fieldError ? null : <MutationError error={mutationError} />}
      <SelectField label={texts.choose} value={value} error={fieldError} onChange={(event) => onChange(event.currentTarget.value)}>
        <SelectOption value="">{texts.chooseNone}</SelectOption>
        {options.map((option) => (
          <SelectOption key={option.id} value={option.id}>
            {option.label}
          </SelectOption>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {texts.link}
        </Button>
      </div>
    </form>
  );
}
