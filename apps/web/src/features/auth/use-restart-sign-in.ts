import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { isApiError, isSessionLost } from '../../api/client';

/**
 * For the enrolment steps of sign-in: when the half-finished sign-in is gone (timed out or never
 * started), go back to the sign-in page with the "expired" notice. Returns whether it did.
 */
export function useRestartSignIn(redirect: string | undefined): (error: unknown) => Promise<boolean> {
  const navigate = useNavigate();
  return useCallback(
    async (error: unknown) => {
      if (!isSessionLost(error) && !isApiError(error, 'MFA_NOT_PENDING')) return false;
      await navigate({ to: '/sign-in', search: { reason: 'expired', redirect } });
      return true;
    },
    [navigate, redirect],
  );
}
