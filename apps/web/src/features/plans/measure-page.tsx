import { Button, Heading, Link as DsLink, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { MEASURE_STATUSES, type MeasureBody, type MeasureDetail, type MeasureStatus } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './plans.css';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useFlash } from '../../lib/flash';
import { MeasureForm } from './measure-form';
import { deleteMeasureMutationOptions, postUpdateMutationOptions, updateMeasureMutationOptions } from './mutations';
import { ProgressBar } from './progress-bar';
import { measureQueryOptions, planVersionQueryOptions } from './queries';
import { formatDate } from '../../lib/format';
import { MeasureProcurementSection } from '../procurement/measure-procurement-section';

const route = getRouteApi('/signed-in/measures/$measureId');

/** A measure: its details, sub-measures, milestones and timeline; edit (draft) or post an update (adopted). */
export function MeasurePage() {
  const { t, i18n } = useTranslation();
  const { measureId } = route.useParams();
  const flash = useFlash();
  const detail = useQuery(measureQueryOptions(measureId));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const measure = data.measure;
  return (
    <div className="page-stack">
      <Breadcrumbs
        trail={[
          { label: t('plans.title'), to: '/plans' },
          { label: t('plans.versionHeading', { title: data.plan.title, number: data.version.number }), to: `/plans/${encodeURIComponent(data.plan.id)}/versions/${data.version.number}` },
        ]}
        current={measure.title}
      />
      <PageHeading>{measure.title}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      <dl className="details-list">
        <dt>{t('plans.form.area')}</dt>
        <dd>{t('plans.areaLabel', { code: measure.area, name: t(`plans.areas.${measure.area}`) })}</dd>
        <dt>{t('plans.form.owner')}</dt>
        <dd>{measure.ownerOrganisation?.name ?? t('plans.noOwner')}</dd>
        <dt>{t('plans.form.partners')}</dt>
        <dd>{measure.partnerOrganisations.length > 0 ? measure.partnerOrganisations.map((organisation) => organisation.name).join(', ') : t('common.empty')}</dd>
        <dt>{t('plans.form.responsible')}</dt>
        <dd>{measure.responsiblePerson || t('common.empty')}</dd>
        <dt>{t('plans.form.startDate')}</dt>
        <dd>{measure.startDate ?? t('common.empty')}</dd>
        <dt>{t('plans.form.dueDate')}</dt>
        <dd>{measure.dueDate ?? t('common.empty')}</dd>
        <dt>{t('plans.form.status')}</dt>
        <dd>{t(`plans.status.${measure.status}`)}</dd>
        <dt>{t('plans.form.progress')}</dt>
        <dd>
          <ProgressBar value={measure.rolledProgress} />
        </dd>
        <dt>{t('plans.form.why')}</dt>
        <dd>{measure.why || t('common.empty')}</dd>
        <dt>{t('plans.form.description')}</dt>
        <dd>{measure.description || t('common.empty')}</dd>
      </dl>
      {measure.milestones.length > 0 || data.editable ? (
        <section className="page-section" aria-labelledby="milestones">
          <Heading level={2} data-size="sm" id="milestones">
            {t('plans.milestones')}
          </Heading>
          {measure.milestones.length > 0 ? (
            <ul>
              {measure.milestones.map((milestone) => (
                <li key={milestone.id}>{milestone.doneOn ? t('plans.milestoneDone', { title: milestone.title, due: formatDate(milestone.dueDate, i18n.language), done: formatDate(milestone.doneOn, i18n.language) }) : t('plans.milestoneOpen', { title: milestone.title, due: formatDate(milestone.dueDate, i18n.language) })}</li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('plans.milestonesEdit.none')}</Paragraph>
          )}
          {data.editable ? (
            <Paragraph>
              <DsLink asChild>
                <Link to="/measures/$measureId/milestones" params={{ measureId: measure.id }}>
                  {t('plans.milestonesEdit.link')}
                </Link>
              </DsLink>
            </Paragraph>
          ) : null}
        </section>
      ) : null}
      {data.children.length > 0 ? (
        <section className="page-section" aria-labelledby="sub-measures">
          <Heading level={2} data-size="sm" id="sub-measures">
            {t('plans.subMeasures')}
          </Heading>
          <ul className="link-list">
            {data.children.map((child) => (
              <li key={child.id}>
                <DsLink asChild>
                  <Link to="/measures/$measureId" params={{ measureId: child.id }}>
                    {child.title}
                  </Link>
                </DsLink>{' '}
                {t('plans.percent', { value: Math.round(child.rolledProgress) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MeasureProcurementSection data={data} />
      {measure.canUpdate ? <UpdateForm measureId={measure.id} status={measure.status} /> : null}
      {data.editable ? <EditMeasure data={data} /> : null}
      <Timeline data={data} />
    </div>
  );
}

function UpdateForm({ measureId, status }: { measureId: string; status: MeasureStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const post = useMutation(postUpdateMutationOptions(queryClient, measureId));
  const [text, setText] = useState('');
  const [newStatus, setNewStatus] = useState<MeasureStatus>(status);
  const [progress, setProgress] = useState('');
  const [missing, setMissing] = useState(false);
  const [posted, setPosted] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    post.mutate(
      { text, completedMilestoneIds: [], ...(newStatus !== status ? { status: newStatus } : {}), ...(progress !== '' ? { progress: Number(progress) } : {}) },
      {
        onSuccess: () => {
          setText('');
          setProgress('');
          setPosted(true);
        },
      },
    );
  };
  return (
    <section className="page-section" aria-labelledby="post-update">
      <Heading level={2} data-size="sm" id="post-update">
        {t('plans.update.heading')}
      </Heading>
      <SuccessMessage>{posted ? t('plans.update.posted') : null}</SuccessMessage>
      <form onSubmit={submit} noValidate className="form-stack">
        <MutationError error={post.error} />
        <Textfield multiline rows={3} label={t('plans.update.text')} description={t('plans.update.textDescription')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={missing ? t('validation.required') : undefined} />
        <div className="form-row">
          <SelectField label={t('plans.form.status')} value={newStatus} onChange={(event) => setNewStatus(event.currentTarget.value as MeasureStatus)}>
            {MEASURE_STATUSES.map((option) => (
              <SelectOption key={option} value={option}>
                {t(`plans.status.${option}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield type="number" min={0} max={100} label={t('plans.update.progress')} description={t('plans.update.progressDescription')} value={progress} onChange={(event) => setProgress(event.currentTarget.value)} />
        </div>
        <div>
          <Button type="submit" disabled={post.isPending}>
            {t('plans.update.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function EditMeasure({ data }: { data: MeasureDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const measure = data.measure;
  const version = useQuery(planVersionQueryOptions(data.plan.id, data.version.number));
  const update = useMutation(updateMeasureMutationOptions(queryClient, measure.id));
  const remove = useMutation(deleteMeasureMutationOptions(queryClient, measure.id));
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const defaults: MeasureBody = {
    area: measure.area,
    parentId: measure.parentId,
    title: measure.title,
    description: measure.description,
    why: measure.why,
    ownerOrganisationId: measure.ownerOrganisation?.id ?? null,
    partnerOrganisationIds: measure.partnerOrganisations.map((organisation) => organisation.id),
    responsiblePerson: measure.responsiblePerson,
    startDate: measure.startDate,
    dueDate: measure.dueDate,
    status: measure.status,
    progress: measure.progress,
    weight: measure.weight,
    milestones: measure.milestones,
  };
  const parents = (version.data?.measures ?? []).filter((candidate) => candidate.id !== measure.id).map((candidate) => ({ id: candidate.id, area: candidate.area, title: candidate.title }));
  return (
    <section className="page-section" aria-labelledby="edit-measure">
      <Heading level={2} data-size="sm" id="edit-measure">
        {t('plans.edit.heading')}
      </Heading>
      <SuccessMessage>{saved ? t('common.saved') : null}</SuccessMessage>
      <MeasureForm
        key={JSON.stringify(defaults)}
        defaultValues={defaults}
        parents={parents}
        submitLabel={t('common.saveChanges')}
        isPending={update.isPending}
        // Milestones are kept as they are: the form does not edit them.
        onSubmit={(body, callbacks) =>
          update.mutate(
            { ...body, milestones: measure.milestones },
            {
              ...callbacks,
              onSuccess: () => {
                callbacks.saved();
                setSaved(true);
              },
            },
          )
        }
      />
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
          {t('plans.edit.remove')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('plans.edit.removeTitle', { title: measure.title })}
        text={t('plans.edit.removeText')}
        confirmLabel={t('plans.edit.remove')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate({ to: '/plans/$planId/versions/$version', params: { planId: data.plan.id, version: String(data.version.number) }, state: { flash: t('plans.edit.removed') } }),
          })
        }
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}

function Timeline({ data }: { data: MeasureDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="timeline">
      <Heading level={2} data-size="sm" id="timeline">
        {t('plans.timeline.heading')}
      </Heading>
      {data.timeline.length === 0 ? (
        <Paragraph>{t('plans.timeline.none')}</Paragraph>
      ) : (
        <ol className="plan-timeline">
          {data.timeline.map((entry) => (
            <li key={entry.id}>
              <Paragraph data-size="sm">
                <strong>{formatDate(entry.occurredOn, i18n.language)}</strong> {t('plans.timeline.by', { who: entry.author ?? t('common.empty'), organisation: entry.organisation ?? t('common.empty') })}
                {entry.source === 'meeting_action' ? ` ${t('plans.timeline.fromMeeting')}` : ''}
              </Paragraph>
              <Paragraph>{entry.text}</Paragraph>
              {entry.statusAfter !== null && entry.statusAfter !== entry.statusBefore ? (
                <Paragraph data-size="sm">{t('plans.timeline.statusChange', { from: t(`plans.status.${entry.statusBefore ?? 'not_started'}`), to: t(`plans.status.${entry.statusAfter}`) })}</Paragraph>
              ) : null}
              {entry.progressAfter !== null && entry.progressAfter !== entry.progressBefore ? (
                <Paragraph data-size="sm">{t('plans.timeline.progressChange', { from: entry.progressBefore ?? 0, to: entry.progressAfter })}</Paragraph>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
