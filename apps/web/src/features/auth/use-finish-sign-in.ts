import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { safeRedirectTarget } from '../../lib/redirect-target';
import { meQueryKey } from './queries';

/** After the last sign-in step: drop any stale /me and go where the user was, or home. */
export function useFinishSignIn(): (redirect: string | undefined) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (redirect) => {
      queryClient.removeQueries({ queryKey: meQueryKey });
      const target = safeRedirectTarget(redirect);
      if (target) await navigate({ href: target, replace: true });
      else await navigate({ to: '/', replace: true });
    },
    [navigate, queryClient],
  );
}
