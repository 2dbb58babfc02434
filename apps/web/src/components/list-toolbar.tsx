import { Button } from '@digdir/designsystemet-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ListToolbarProps {
  /** Names the search landmark, e.g. "Filter cases". */
  label: string;
  /** The fields, each a named form control whose default value comes from the address. */
  children: ReactNode;
  /** Called with every named field's text when the user applies the filters. */
  onApply: (values: Record<string, string>) => void;
  onReset: () => void;
}

/**
 * The one filter bar of every list: named fields in a search landmark, applied together with
 * one button (so a screen reader user is not moved by every change) and reset with another.
 * The page keeps the filters in the address; give this a `key` from them so back and forward
 * show the fields as the address has them.
 */
export function ListToolbar({ label, children, onApply, onReset }: ListToolbarProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value === 'string') values[name] = value;
    }
    onApply(values);
  };
  return (
    <form onSubmit={submit} role="search" aria-label={label}>
      <div className="filters">
        {children}
        <div className="filters__actions">
          <Button type="submit">{t('common.filter')}</Button>
          <Button type="button" variant="tertiary" onClick={onReset}>
            {t('common.resetFilters')}
          </Button>
        </div>
      </div>
    </form>
  );
}
