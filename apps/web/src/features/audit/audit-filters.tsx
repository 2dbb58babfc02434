import { Button, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { AUDIT_ACTIONS, type AuditAction } from '@lykt/shared';
import { getRouteApi } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import type { AuditSearch } from '../../routes/search';
import { auditActionLabel } from './audit-labels';

const route = getRouteApi('/signed-in/audit');

interface FilterValues {
  action: AuditAction | '';
  entityType: string;
  from: string;
  to: string;
}

function toValues(search: AuditSearch): FilterValues {
  return { action: search.action ?? '', entityType: search.entityType ?? '', from: search.from ?? '', to: search.to ?? '' };
}

/** Filters for the audit log; applying them updates the address. */
export function AuditFilters({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<FilterValues>({ values: toValues(search) });

  const onSubmit = handleSubmit((values) => {
    void navigate({
      search: {
        action: values.action || undefined,
        entityType: values.entityType.trim() || undefined,
        from: values.from || undefined,
        to: values.to || undefined,
        offset: undefined,
      },
    });
  });
  const onReset = () => {
    reset(toValues({}));
    void navigate({ search: {} });
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} role="search" aria-label={t('audit.filters')} noValidate>
      <div className="filters">
        <SelectField label={t('audit.action')} {...register('action')}>
          <SelectOption value="">{t('audit.allActions')}</SelectOption>
          {AUDIT_ACTIONS.map((action) => (
            <SelectOption key={action} value={action}>
              {auditActionLabel(t, action)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield
          label={t('audit.entityType')}
          description={t('audit.entityTypeDescription')}
          autoComplete="off"
          {...register('entityType')}
        />
        <Textfield label={t('audit.from')} type="date" {...register('from')} />
        <Textfield
          label={t('audit.to')}
          type="date"
          error={errors.to ? t('validation.dateOrder') : undefined}
          {...register('to', { validate: (to, values) => !to || !values.from || to >= values.from })}
        />
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
