let version = 0;

/**
 * Changes whenever this process saves something the public pages show (public settings, the municipality's
 * name and languages, the routing card), so the pages' short-lived cache refreshes at once. Other processes
 * pick the change up when their cache expires (seconds).
 */
export const publicContentVersion = (): number => version;

export function publicContentChanged(): void {
  version += 1;
}
