import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { archiveEntryMutationOptions, createEntryMutationOptions, updateEntryMutationOptions, type EntryPath } from './mutations';

export type EntryColumn<Row> = { header: string; cell: (row: Row) => ReactNode };

/** How one kind of map entry is edited: its schema, the fields of its form, and the form's values for a new or an existing entry. */
export type EntryForm<Row, Input extends FieldValues, Body> = {
  path: EntryPath;
  schema: z.ZodType<Body, Input>;
  addLabel: string;
  empty: DefaultValues<Input>;
  valuesOf?: (row: Row) => DefaultValues<Input>;
  nameOf: (row: Row) => string;
  fields: (form: { register: UseFormRegister<Input>; errors: FieldErrors<Input> }) => ReactNode;
};

interface EntrySectionProps<Row extends { id: string }, Input extends FieldValues, Body> {
  id: string;
  heading: string;
  rows: Row[];
  /** The first column is the row's header. */
  columns: [EntryColumn<Row>, ...Array<EntryColumn<Row>>];
  canWrite: boolean;
  form: EntryForm<Row, Input, Body>;
}

/** One section of the map: a heading, a table of entries and, for who may change the map, a form to add one and (when `form.valuesOf` is given) to change or archive each. */
export function EntrySection<Row extends { id: string }, Input extends FieldValues, Body>({ id, heading, rows, columns, canWrite, form }: EntrySectionProps<Row, Input, Body>) {
  const { t } = useTranslation();
  const [head, ...rest] = columns;
  const editable = canWrite && form.valuesOf !== undefined;
  return (
    <section aria-labelledby={`${id}-heading`} className="page-section">
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {heading}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('overview.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{heading}</caption>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column.header} scope="col">
                  {column.header}
                </TableHeaderCell>
              ))}
              {editable ? <TableHeaderCell scope="col">{t('overview.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableHeaderCell scope="row">{head.cell(row)}</TableHeaderCell>
                {rest.map((column) => (
                  <TableCell key={column.header}>{column.cell(row)}</TableCell>
                ))}
                {editable && form.valuesOf ? (
                  <TableCell>
                    <EntryFormDetails form={form} summary={t('overview.edit', { name: form.nameOf(row) })} id={row.id} values={form.valuesOf(row)} />
                    <ArchiveEntry path={form.path} id={row.id} name={form.nameOf(row)} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite ? <EntryFormDetails form={form} summary={form.addLabel} values={form.empty} /> : null}
    </section>
  );
}

interface EntryFormDetailsProps<Row, Input extends FieldValues, Body> {
  form: EntryForm<Row, Input, Body>;
  summary: string;
  values: DefaultValues<Input>;
  /** Given: the form changes this entry; absent: it adds a new one and empties itself after saving. */
  id?: string;
}

function EntryFormDetails<Row, Input extends FieldValues, Body>({ form, summary, values, id }: EntryFormDetailsProps<Row, Input, Body>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(id === undefined ? createEntryMutationOptions<Body>(queryClient, form.path) : updateEntryMutationOptions<Body>(queryClient, form.path, id));
  const { register, handleSubmit, reset, formState } = useForm<Input, unknown, Body>({
    resolver: zodResolver(form.schema),
    defaultValues: values,
  });
  const submit = (body: Body) =>
    mutation.mutate(body, {
      onSuccess: () => {
        if (id === undefined) reset();
      },
    });
  return (
    <Details>
      <DetailsSummary>{summary}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit(submit)(event)}>
          <MutationError error={mutation.error} />
          {form.fields({ register, errors: formState.errors })}
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}

/** Archives an entry after the user confirms; the map reloads without it. */
function ArchiveEntry({ path, id, name }: { path: EntryPath; id: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(archiveEntryMutationOptions(queryClient, path, id));
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  // The button that was clicked disappears; keep keyboard focus on the question's answer.
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <Button variant="tertiary" data-size="sm" onClick={() => setConfirming(true)}>
        {t('overview.archive', { name })}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t('overview.archive', { name })}>
      <MutationError error={mutation.error} />
      <Paragraph data-size="sm">{t('overview.archiveConfirm', { name })}</Paragraph>
      <Button ref={confirm} data-size="sm" data-color="danger" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {t('overview.archiveYes')}
      </Button>{' '}
      <Button variant="secondary" data-size="sm" onClick={() => setConfirming(false)}>
        {t('overview.archiveNo')}
      </Button>
    </div>
  );
}
