const HINT_KEY = 'lykt.hadSession';

/**
 * Remembers that this browser had a signed-in session, so a later 401 UNAUTHENTICATED
 * (cookie gone or session ended) can be told apart from a first visit and shown as "expired".
 * The hint holds no personal data.
 */
export function rememberSession(): void {
  try {
    window.localStorage.setItem(HINT_KEY, '1');
  } catch {
    // Without storage the notice is simply not shown.
  }
}

/** Forgets the hint, after an explicit sign-out or once the expiry notice has been shown. */
export function forgetSession(): void {
  try {
    window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Nothing to forget when storage is blocked.
  }
}

/** Whether this browser had a signed-in session that it has not signed out of. */
export function hadSession(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}
