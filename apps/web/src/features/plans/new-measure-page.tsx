import { Link as DsLink } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './plans.css';
import { PageHeading } from '../../components/page-heading';
import { MeasureForm } from './measure-form';
import { createMeasureMutationOptions } from './mutations';
import { planVersionQueryOptions } from './queries';

const route = getRouteApi('/signed-in/plans/$planId/versions/$version/measures/new');

/** Adds a measure or sub-measure to a draft plan. */
export function NewMeasurePage() {
  const { t } = useTranslation();
  const { planId, version } = route.useParams();
  const number = Number(version);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery(planVersionQueryOptions(planId, number));
  const create = useMutation(createMeasureMutationOptions(queryClient, planId, number));
  return (
    <div className="narrow-page">
      <DsLink asChild>
        <Link to="/plans/$planId/versions/$version" params={{ planId, version }}>
          {t('common.backTo', { page: detail.data ? t('plans.versionHeading', { title: detail.data.plan.title, number }) : t('plans.title') })}
        </Link>
      </DsLink>
      <PageHeading>{t('plans.addMeasure')}</PageHeading>
      <MeasureForm
        defaultValues={{ area: 'A', parentId: null, title: '', description: '', why: '', ownerOrganisationId: null, partnerOrganisationIds: [], responsiblePerson: '', startDate: null, dueDate: null, status: 'not_started', progress: null, weight: null, milestones: [] }}
        parents={(detail.data?.measures ?? []).map((measure) => ({ id: measure.id, area: measure.area, title: measure.title }))}
        submitLabel={t('plans.addMeasure')}
        isPending={create.isPending}
        onSubmit={(body, callbacks) =>
          create.mutate(body, {
            ...callbacks,
            onSuccess: (created) => {
              callbacks.saved();
              void navigate({ to: '/measures/$measureId', params: { measureId: created.measure.id }, state: { flash: t('plans.measureAdded') } });
            },
          })
        }
      />
    </div>
  );
}
