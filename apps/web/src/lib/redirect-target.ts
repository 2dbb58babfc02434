/** The base path the app is served under (Vite's `base`, without the trailing slash). */
export const APP_BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * A safe place to return to after sign-in: a path inside the app, never another host.
 * Returns undefined for anything else, so the caller falls back to the home page.
 */
export function safeRedirectTarget(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith(`${APP_BASE}/`) || value.startsWith('//') || value.includes('\\')) return undefined;
  // Never return to the sign-in steps themselves.
  if (value.startsWith(`${APP_BASE}/sign-in`)) return undefined;
  return value;
}

/** The current address inside the app, to come back to after signing in again. */
export function currentAppHref(): string {
  return `${window.location.pathname}${window.location.search}`;
}
