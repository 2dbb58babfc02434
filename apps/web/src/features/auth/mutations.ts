import type { LoginBody, LoginResponse, LogoutResponse, MfaCodeBody, MfaEnrolmentResponse } from '@lykt/shared';
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../api/client';


/** Step one of signing in: e-mail and password. */
export function loginMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: (body: LoginBody) => api.post<LoginResponse>('/auth/login', body),
  });
}

/** Step two when MFA is enabled: the TOTP code. */
export function verifyMfaMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'mfa', 'verify'],
    mutationFn: (body: MfaCodeBody) => api.post<LoginResponse>('/auth/mfa/verify', body),
  });
}

/** Starts MFA enrolment: a new secret to scan or type in. */
export function startMfaEnrolmentMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'mfa', 'enrolment'],
    mutationFn: () => api.post<MfaEnrolmentResponse>('/auth/mfa/enrolment'),
  });
}

/** Confirms MFA enrolment with a first code from the app. */
export function confirmMfaEnrolmentMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'mfa', 'enrolment', 'confirm'],
    mutationFn: (body: MfaCodeBody) => api.post<LoginResponse>('/auth/mfa/enrolment/confirm', body),
  });
}

/** Ends the current session. */
export function logoutMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'logout'],
    mutationFn: () => api.post<LogoutResponse>('/auth/logout'),
  });
}
