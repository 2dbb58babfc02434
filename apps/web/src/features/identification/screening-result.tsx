import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ExploitationForm, Pathway, PathwayRule, ScreeningProfile } from '@lykt/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { NextSteps } from './next-steps';
import { ProfileSummary } from './profile-summary';

interface ScreeningResultProps {
  profile: ScreeningProfile;
  possibleMinor: boolean;
  suspectedForms?: readonly ExploitationForm[] | undefined;
  /** The municipality's pathway (with contacts), as loaded by the page. */
  pathway: UseQueryResult<Pathway>;
  /** The rules of that pathway that apply to this screening. */
  stepsFor: (pathway: Pathway) => PathwayRule[];
  /** Said above the steps, e.g. which rules they are. */
  stepsNote?: ReactNode;
}

/**
 * The result of a screening as the person who made it acts on it: that it is not a verdict, the
 * indicator profile, and the next steps of the pathway. Shown when a screening is completed and on
 * its result page, so both word it the same way. Headings are level 3 (inside a level-2 section).
 */
export function ScreeningResult({ profile, possibleMinor, suspectedForms, pathway, stepsFor, stepsNote }: ScreeningResultProps) {
  const { t } = useTranslation();
  return (
    <>
      <Alert data-color="info">
        <Paragraph>{t('identification.result.notVerdict')}</Paragraph>
      </Alert>
      <Heading level={3} data-size="xs">
        {t('identification.result.profileHeading')}
      </Heading>
      {possibleMinor ? <Tag data-color="warning">{t('identification.possibleMinorTag')}</Tag> : null}
      <ProfileSummary profile={profile} suspectedForms={suspectedForms} />
      <Heading level={3} data-size="xs">
        {t('identification.result.nextSteps')}
      </Heading>
      {stepsNote}
      {pathway.isPending ? <Loading /> : null}
      {pathway.isError ? <LoadError error={pathway.error} onRetry={() => void pathway.refetch()} /> : null}
      {pathway.data ? <NextSteps rules={stepsFor(pathway.data)} pathway={pathway.data} /> : null}
    </>
  );
}
