import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { forgetSession } from '../../lib/session-hint';
import { logoutMutationOptions } from './mutations';

/** Ends the session and goes to the sign-in page, whether or not the server could be reached. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(logoutMutationOptions());
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: (data) => {
        if (data?.endSessionUrl) {
          // Signed in through the municipality's provider: end that session too (RP-initiated logout).
          forgetSession();
          queryClient.clear();
          window.location.assign(data.endSessionUrl);
          return;
        }
        forgetSession();
        // Leave the signed-in pages first, so nothing refetches the cleared data.
        void navigate({ to: '/sign-in', search: { reason: 'signed-out' }, replace: true }).then(() => {
          queryClient.clear();
        });
      },
    });
  };
  return { signOut, isPending: logout.isPending };
}
