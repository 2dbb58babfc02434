import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { PageHeading } from '../../components/page-heading';
import { useFinishSignIn } from './use-finish-sign-in';
import { useRestartSignIn } from './use-restart-sign-in';
import { useSignOut } from './use-sign-out';

/** What a sign-in enrolment step's form needs: go on into the app, or start signing in again. */
export interface EnrolmentStepActions {
  finish: () => void;
  restart: (error: unknown) => Promise<boolean>;
}

/**
 * The frame of a sign-in step that asks the user to set up a second factor before going on:
 * heading, explanation, the step's forms, and a way to give up and sign out.
 */
export function EnrolmentStep({
  title,
  intro,
  cancelLabel,
  redirect,
  children,
}: {
  title: string;
  intro: string;
  cancelLabel: string;
  redirect: string | undefined;
  children: (actions: EnrolmentStepActions) => ReactNode;
}) {
  const finishSignIn = useFinishSignIn();
  const { signOut, isPending: isSigningOut } = useSignOut();
  const restart = useRestartSignIn(redirect);
  const finish = () => void finishSignIn(redirect);

  return (
    <div className="narrow-page">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{intro}</Paragraph>
      {children({ finish, restart })}
      <div className="button-row">
        <Button type="button" variant="tertiary" onClick={signOut} disabled={isSigningOut}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
