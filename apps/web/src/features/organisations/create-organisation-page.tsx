import { Link as DsLink } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { createOrganisationMutationOptions } from './mutations';
import { OrganisationForm } from './organisation-form';

/** Adds an organisation to the partner registry. */
export function CreateOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(createOrganisationMutationOptions(queryClient));

  return (
    <div className="narrow-page">
      <DsLink asChild>
        <Link to="/organisations">{t('common.backTo', { page: t('organisations.title') })}</Link>
      </DsLink>
      <PageHeading>{t('organisations.create.title')}</PageHeading>
      <OrganisationForm
        defaultValues={{ name: '', isInternal: false, phone: null, email: null, notes: '', contacts: [] }}
        submitLabel={t('organisations.create.submit')}
        isPending={create.isPending}
        error={create.error}
        onSubmit={(body) => {
          create.mutate(body, {
            onSuccess: (organisation) =>
              void navigate({
                to: '/organisations/$organisationId',
                params: { organisationId: organisation.id },
                state: { flash: t('organisations.create.created', { name: organisation.name }) },
              }),
          });
        }}
      />
    </div>
  );
}
