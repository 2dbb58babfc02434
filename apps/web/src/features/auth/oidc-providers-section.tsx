import { Button, Checkbox, Fieldset, FieldsetLegend, Heading, Paragraph, Radio, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { OIDC_CLIENT_AUTH_METHODS, ROLES, type CreateOidcProviderBody, type OidcClientAuthMethod, type OidcProvider, type Role } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { organisationsQueryOptions } from '../organisations/queries';
import {
  createOidcProviderMutationOptions,
  oidcProvidersQueryOptions,
  removeOidcProviderMutationOptions,
  setSignInPolicyMutationOptions,
  signInPolicyQueryOptions,
} from './oidc-queries';

type MappingRow = { value: string; role: Role; organisationId: string };
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Settings: the municipality's OpenID Connect providers and whether password sign-in stays on (administrators). */
export function OidcProvidersSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const providers = useQuery(oidcProvidersQueryOptions());
  const remove = useMutation(removeOidcProviderMutationOptions(queryClient));
  return (
    <section aria-labelledby={headingId} className="form-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('oidc.settings.heading')}
      </Heading>
      <Paragraph>{t('oidc.settings.description')}</Paragraph>
      {providers.isPending ? <Loading /> : null}
      {providers.isError ? <LoadError error={providers.error} onRetry={() => void providers.refetch()} /> : null}
      {providers.data?.items.length === 0 ? <Paragraph>{t('oidc.settings.none')}</Paragraph> : null}
      <MutationError error={remove.error} />
      {remove.isSuccess ? <SuccessMessage>{t('oidc.settings.removed')}</SuccessMessage> : null}
      {providers.data?.items.map((provider) => <ProviderCard key={provider.id} provider={provider} onRemove={() => remove.mutate(provider.id)} />)}
      <AddProviderForm />
      <PasswordPolicyForm />
    </section>
  );
}

function ProviderCard({ provider, onRemove }: { provider: OidcProvider; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <article className="form-stack" aria-label={provider.name}>
      <Heading level={3} data-size="xs">
        {provider.name} ({provider.isEnabled ? t('oidc.settings.enabled') : t('oidc.settings.disabled')})
      </Heading>
      <dl>
        <dt>{t('oidc.settings.issuer')}</dt>
        <dd>{provider.issuer}</dd>
        <dt>{t('oidc.settings.redirectUri')}</dt>
        <dd>
          <code>{provider.redirectUri}</code>
        </dd>
        <dt>{t('oidc.settings.postLogoutUri')}</dt>
        <dd>
          <code>{provider.postLogoutRedirectUri}</code>
        </dd>
        {provider.publicJwk ? (
          <>
            <dt>{t('oidc.settings.publicJwk')}</dt>
            <dd>
              <code>{JSON.stringify({ keys: [provider.publicJwk] })}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <Paragraph>{t('oidc.settings.linkedUsers', { count: provider.linkedUsers })}</Paragraph>
      <div className="button-row">
        <Button variant="secondary" data-color="danger" onClick={onRemove}>
          {t('oidc.settings.remove', { name: provider.name })}
        </Button>
      </div>
    </article>
  );
}

function AddProviderForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation(createOidcProviderMutationOptions(queryClient));
  const organisations = useQuery(organisationsQueryOptions());
  const [method, setMethod] = useState<OidcClientAuthMethod>('client_secret_basic');
  const [isJit, setIsJit] = useState(false);
  const [mappings, setMappings] = useState<MappingRow[]>([]);
  const organisationOptions = organisations.data?.items ?? [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const body: CreateOidcProviderBody = {
      name: field('name'),
      issuer: field('issuer'),
      clientId: field('clientId'),
      clientAuthMethod: method,
      ...(method === 'private_key_jwt' ? {} : { clientSecret: field('clientSecret') }),
      scopes: field('scopes'),
      subjectClaim: field('subjectClaim') === 'oid' ? 'oid' : 'sub',
      emailClaim: field('emailClaim'),
      nameClaim: 'name',
      groupsClaim: field('groupsClaim'),
      roleMappings: mappings.filter((row) => row.value.trim() && row.organisationId),
      mfaAcrValues: words(field('acrValues')),
      mfaAmrValues: words(field('amrValues')),
      jitEnabled: isJit,
      jitOrganisationId: field('jitOrganisationId') || null,
      isEnabled: true,
    };
    create.mutate(body);
  };

  return (
    <form onSubmit={onSubmit} className="form-stack" noValidate>
      <Heading level={3} data-size="xs">
        {t('oidc.settings.add')}
      </Heading>
      <MutationError error={create.error} />
      {create.isSuccess ? <SuccessMessage>{t('oidc.settings.added')}</SuccessMessage> : null}
      <Textfield label={t('oidc.settings.name')} name="name" required />
      <Textfield label={t('oidc.settings.issuer')} description={t('oidc.settings.issuerDescription')} name="issuer" type="url" required />
      <Textfield label={t('oidc.settings.clientId')} name="clientId" required autoComplete="off" />
      <Fieldset>
        <FieldsetLegend>{t('oidc.settings.authMethod')}</FieldsetLegend>
        {OIDC_CLIENT_AUTH_METHODS.map((value) => (
          <Radio key={value} label={value} name="clientAuthMethod" value={value} checked={method === value} onChange={() => setMethod(value)} />
        ))}
      </Fieldset>
      {method === 'private_key_jwt' ? null : (
        <Textfield label={t('oidc.settings.clientSecret')} description={t('oidc.settings.clientSecretDescription')} name="clientSecret" type="password" autoComplete="new-password" />
      )}
      <Textfield label={t('oidc.settings.scopes')} name="scopes" defaultValue="openid profile email" />
      <SelectField label={t('oidc.settings.subjectClaim')} name="subjectClaim" defaultValue="sub">
        <SelectOption value="sub">{t('oidc.settings.subjectSub')}</SelectOption>
        <SelectOption value="oid">{t('oidc.settings.subjectOid')}</SelectOption>
      </SelectField>
      <Textfield label={t('oidc.settings.emailClaim')} name="emailClaim" defaultValue="email" />
      <Textfield label={t('oidc.settings.groupsClaim')} name="groupsClaim" defaultValue="" />
      <Fieldset>
        <FieldsetLegend>{t('oidc.settings.mappings')}</FieldsetLegend>
        {mappings.map((row, index) => (
          <div key={index} className="form-stack">
            <Textfield
              label={`${t('oidc.settings.mappingValue')} ${index + 1}`}
              value={row.value}
              onChange={(event) => setMappings(mappings.map((item, i) => (i === index ? { ...item, value: event.target.value } : item)))}
            />
            <SelectField
              label={`${t('oidc.settings.mappingRole')} ${index + 1}`}
              value={row.role}
              onChange={(event) => setMappings(mappings.map((item, i) => (i === index ? { ...item, role: event.target.value as Role } : item)))}
            >
              {ROLES.map((role) => (
                <SelectOption key={role} value={role}>
                  {t(`roles.${role}`)}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField
              label={`${t('oidc.settings.mappingOrganisation')} ${index + 1}`}
              value={row.organisationId}
              onChange={(event) => setMappings(mappings.map((item, i) => (i === index ? { ...item, organisationId: event.target.value } : item)))}
            >
              {organisationOptions.map((organisation) => (
                <SelectOption key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </SelectOption>
              ))}
            </SelectField>
            <Button variant="tertiary" onClick={() => setMappings(mappings.filter((_, i) => i !== index))}>
              {t('oidc.settings.removeMapping', { number: index + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setMappings([...mappings, { value: '', role: 'frontline', organisationId: organisationOptions[0]?.id ?? '' }])}>
          {t('oidc.settings.addMapping')}
        </Button>
      </Fieldset>
      <Textfield label={t('oidc.settings.acrValues')} name="acrValues" defaultValue="" />
      <Textfield label={t('oidc.settings.amrValues')} name="amrValues" defaultValue="" />
      <Checkbox label={t('oidc.settings.jit')} checked={isJit} onChange={(event) => setIsJit(event.target.checked)} />
      {isJit ? (
        <SelectField label={t('oidc.settings.jitOrganisation')} name="jitOrganisationId" defaultValue="">
          <SelectOption value="">{t('oidc.settings.noOrganisation')}</SelectOption>
          {organisationOptions.map((organisation) => (
            <SelectOption key={organisation.id} value={organisation.id}>
              {organisation.name}
            </SelectOption>
          ))}
        </SelectField>
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t('oidc.settings.submit')}
        </Button>
      </div>
    </form>
  );
}

function PasswordPolicyForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useQuery(signInPolicyQueryOptions());
  const save = useMutation(setSignInPolicyMutationOptions(queryClient));
  if (!policy.data) return null;
  return (
    <Fieldset>
      <FieldsetLegend>{t('oidc.settings.policyHeading')}</FieldsetLegend>
      <Paragraph>{t('oidc.settings.passwordLoginDescription')}</Paragraph>
      <MutationError error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('oidc.settings.policySaved')}</SuccessMessage> : null}
      <Checkbox
        label={t('oidc.settings.passwordLogin')}
        checked={policy.data.passwordLoginEnabled}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ passwordLoginEnabled: event.target.checked })}
      />
    </Fieldset>
  );
}
