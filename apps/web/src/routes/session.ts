import type { MeResponse } from '@lykt/shared';
import type { QueryClient } from '@tanstack/react-query';
import { redirect, type AnyRouter } from '@tanstack/react-router';
import { isApiError, isSessionLost, onSessionLost, type ApiError } from '../api/client';
import { fetchMeQuietly, meQueryKey } from '../features/auth/queries';
import { applyLanguage, hasChosenLanguage, isAppLanguage, showLanguage } from '../i18n';
import { APP_BASE, currentAppHref, safeRedirectTarget } from '../lib/redirect-target';
import { forgetSession, hadSession, rememberSession } from '../lib/session-hint';

type SignInStep = '/sign-in' | '/sign-in/mfa' | '/sign-in/mfa-enrolment' | '/sign-in/passkey-enrolment';

interface SignInTarget {
  to: SignInStep;
  search: { redirect?: string | undefined; reason?: 'expired' | undefined };
}

function mfaStateOf(error: ApiError): unknown {
  const details = error.details;
  return typeof details === 'object' && details !== null && 'state' in details ? details.state : undefined;
}

/**
 * Where a lost or half-finished session sends the user. An expired session, or a missing one in
 * a browser that was signed in, shows the "session expired" notice; a first visit does not.
 */
export function signInTargetFor(error: ApiError, returnTo: string): SignInTarget {
  const redirectTo = returnTo === `${APP_BASE}/` || returnTo === APP_BASE ? undefined : safeRedirectTarget(returnTo);
  if (error.code === 'MFA_REQUIRED') {
    const state = mfaStateOf(error);
    const to = state === 'mfa_enrolment' ? '/sign-in/mfa-enrolment' : state === 'passkey_enrolment' ? '/sign-in/passkey-enrolment' : '/sign-in/mfa';
    return { to, search: { redirect: redirectTo } };
  }
  const isExpired = error.code === 'SESSION_EXPIRED' || hadSession();
  forgetSession();
  return { to: '/sign-in', search: { redirect: redirectTo, reason: isExpired ? 'expired' : undefined } };
}

/**
 * Shows the app in the language saved on the user's profile; without one, a choice made in this
 * browser wins, and otherwise the municipality's default language (when the app has it).
 */
async function adoptUserLanguage(me: MeResponse): Promise<void> {
  if (isAppLanguage(me.user.language)) await applyLanguage(me.user.language);
  else if (!hasChosenLanguage() && isAppLanguage(me.municipality.defaultLanguage)) await showLanguage(me.municipality.defaultLanguage);
}

/**
 * Guard for the signed-in layout: loads /me once (later reads come from the query cache) or
 * redirects to the right sign-in step.
 */
export async function ensureSignedIn(queryClient: QueryClient, returnTo: string): Promise<MeResponse> {
  const cached = queryClient.getQueryData<MeResponse>(meQueryKey);
  if (cached) {
    // Check the session in the background on every navigation, so an ended or expired session is
    // noticed even on pages that show cached data (a 401 reaches the session-lost handler).
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    return cached;
  }
  try {
    const me = await fetchMeQuietly();
    queryClient.setQueryData(meQueryKey, me);
    rememberSession();
    await adoptUserLanguage(me);
    return me;
  } catch (error) {
    if (isSessionLost(error) || isApiError(error, 'MFA_REQUIRED')) {
      const target = signInTargetFor(error, returnTo);
      redirect({ to: target.to, search: target.search, replace: true, throw: true });
    }
    throw error;
  }
}

/** Guard for the sign-in page: someone already signed in goes on to the app. */
export async function skipSignInWhenSignedIn(queryClient: QueryClient, redirectTo: string | undefined): Promise<void> {
  let me: MeResponse;
  try {
    me = await fetchMeQuietly();
  } catch (error) {
    // Back from the municipality's identity provider with a TOTP step still due: go to that step.
    if (isApiError(error, 'MFA_REQUIRED')) {
      const to = mfaStateOf(error) === 'mfa_enrolment' ? '/sign-in/mfa-enrolment' : '/sign-in/mfa';
      redirect({ to, search: { redirect: safeRedirectTarget(redirectTo) }, replace: true, throw: true });
    }
    return;
  }
  queryClient.setQueryData(meQueryKey, me);
  const target = safeRedirectTarget(redirectTo);
  // redirect() with `throw: true` throws the router's redirect object.
  if (target) redirect({ href: target, replace: true, throw: true });
  redirect({ to: '/', replace: true, throw: true });
}

/**
 * Any API call that finds the session gone sends the user to sign in again, with a notice,
 * and comes back to the same page afterwards. Cached data of the old session is dropped.
 */
export function installSessionLostHandler(router: AnyRouter, queryClient: QueryClient): void {
  let isRedirecting = false;
  onSessionLost((error) => {
    if (isRedirecting) return;
    // The sign-in steps handle their own errors.
    if (router.state.location.pathname.startsWith('/sign-in')) return;
    isRedirecting = true;
    const target = signInTargetFor(error, currentAppHref());
    void router.navigate({ to: target.to, search: target.search, replace: false }).finally(() => {
      queryClient.clear();
      isRedirecting = false;
    });
  });
}
