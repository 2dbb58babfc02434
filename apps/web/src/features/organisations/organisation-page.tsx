import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Organisation } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { hasPermission, useMe } from '../auth/use-me';
import { archiveOrganisationMutationOptions, updateOrganisationMutationOptions } from './mutations';
import { OrganisationDetails } from './organisation-details';
import { OrganisationForm } from './organisation-form';
import { organisationQueryOptions } from './queries';

const route = getRouteApi('/signed-in/organisations/$organisationId');

/** One organisation: an edit form for those who may change the registry, a read-only view for others. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { organisationId } = route.useParams();
  const me = useMe();
  const flash = useFlash();
  const organisation = useQuery(organisationQueryOptions(organisationId));
  const canWrite = hasPermission(me, 'organisations:write');

  return (
    <div className="narrow-page">
      <Breadcrumbs trail={[{ label: t('organisations.title'), to: '/organisations' }]} current={organisation.data?.name ?? t('organisations.edit.title')} />
      <PageHeading>{organisation.data?.name ?? t('organisations.edit.title')}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      {organisation.isPending ? <Loading /> : null}
      {organisation.isError ? <LoadError error={organisation.error} onRetry={() => void organisation.refetch()} /> : null}
      {organisation.data ? (
        canWrite && !organisation.data.archived ? (
          <EditOrganisation organisation={organisation.data} />
        ) : (
          <>
            {organisation.data.archived ? (
              <Alert data-color="info">
                <Paragraph>{t('organisations.edit.isArchived')}</Paragraph>
              </Alert>
            ) : (
              <Paragraph>{t('organisations.edit.readOnly')}</Paragraph>
            )}
            <OrganisationDetails organisation={organisation.data} />
          </>
        )
      ) : null}
    </div>
  );
}

function EditOrganisation({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useMutation(updateOrganisationMutationOptions(queryClient, organisation.id));
  const archive = useMutation(archiveOrganisationMutationOptions(queryClient, organisation.id));
  const [isConfirming, setIsConfirming] = useState(false);

  const confirmArchive = () => {
    archive.mutate(undefined, {
      onSuccess: () => void navigate({ to: '/organisations', state: { flash: t('organisations.edit.archived') } }),
    });
  };

  return (
    <>
      <Paragraph>
        <Tag data-color="neutral">{t('organisations.edit.userCount', { count: organisation.userCount })}</Tag>
      </Paragraph>
      <SuccessMessage>{update.isSuccess ? t('common.saved') : null}</SuccessMessage>
      <OrganisationForm
        key={organisation.id}
        defaultValues={{
          name: organisation.name,
          kind: organisation.kind,
          isInternal: organisation.isInternal,
          phone: organisation.phone,
          email: organisation.email,
          notes: organisation.notes,
          contacts: organisation.contacts.map(({ name, roleTitle, phone, email }) => ({ name, roleTitle, phone, email })),
        }}
        submitLabel={t('common.saveChanges')}
        isPending={update.isPending}
        error={update.error}
        onSubmit={(body) => {
          update.mutate(body);
        }}
      />
      <section className="page-section" aria-labelledby="archive-heading">
        <Heading level={2} data-size="xs" id="archive-heading">
          {t('organisations.edit.archive')}
        </Heading>
        <Paragraph>{t('organisations.edit.archiveConfirmText')}</Paragraph>
        <div className="button-row">
          <Button
            variant="secondary"
            data-color="danger"
            onClick={() => {
              setIsConfirming(true);
            }}
          >
            {t('organisations.edit.archive')}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={isConfirming}
        title={t('organisations.edit.archiveConfirmTitle', { name: organisation.name })}
        text={t('organisations.edit.archiveConfirmText')}
        confirmLabel={t('organisations.edit.archiveConfirm')}
        isPending={archive.isPending}
        error={archive.error}
        onConfirm={confirmArchive}
        onCancel={() => {
          setIsConfirming(false);
        }}
      />
    </>
  );
}
