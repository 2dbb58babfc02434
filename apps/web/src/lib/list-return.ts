import type { AnyRouter } from '@tanstack/react-router';

/** One remembered address inside the app: the router's own href and the one shown in the browser. */
export interface RememberedLocation {
  href: string;
  publicHref: string;
}

/** How many pages are remembered (the most recently visited win). */
const LIMIT = 50;

// Kept in memory only: list filters can hold search text, so nothing is written to storage and a
// reload starts from the unfiltered lists.
const lastVisit = new Map<string, RememberedLocation>();

/** Remembers the last address (with its search, i.e. a list's filters) seen at each path. */
export function rememberLocation(pathname: string, location: RememberedLocation): void {
  lastVisit.delete(pathname);
  lastVisit.set(pathname, location);
  if (lastVisit.size > LIMIT) {
    const oldest = lastVisit.keys().next().value;
    if (oldest !== undefined) lastVisit.delete(oldest);
  }
}

/** The address last seen at this path (e.g. "/cases?status=open"), if any. */
export function rememberedLocation(pathname: string): RememberedLocation | undefined {
  return lastVisit.get(pathname);
}

/** Follows the router so that "back to the list" can return to the list as the user left it. */
export function installListReturn(router: AnyRouter): () => void {
  return router.subscribe('onResolved', (event) => {
    const location = event.toLocation;
    // Signing out (or a lost session) ends at the sign-in page: the next user starts afresh.
    if (location.pathname.startsWith('/sign-in')) {
      forgetLocations();
      return;
    }
    rememberLocation(location.pathname, { href: location.href, publicHref: location.publicHref || location.href });
  });
}

/** Forgets everything. */
export function forgetLocations(): void {
  lastVisit.clear();
}
