import { Checkbox, Fieldset, FieldsetLegend, ValidationMessage } from '@digdir/designsystemet-react';
import type { ShareCategory } from '@lykt/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CategoryChoiceProps {
  legend: string;
  allowed: readonly ShareCategory[];
  value: readonly ShareCategory[];
  onChange: (value: ShareCategory[]) => void;
  id?: string | undefined;
  description?: ReactNode;
  error?: string | undefined;
}

/** Checkboxes for the categories of a case's information that may be shared. */
export function CategoryChoice({ legend, allowed, value, onChange, id, description, error }: CategoryChoiceProps) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} aria-invalid={error ? true : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description}
      {allowed.map((category) => (
        <Checkbox
          key={category}
          label={t(`cases.values.shareCategories.${category}`)}
          value={category}
          checked={value.includes(category)}
          onChange={(event) => onChange(event.currentTarget.checked ? [...value, category] : value.filter((entry) => entry !== category))}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
