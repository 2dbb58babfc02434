import type { Database } from '@lykt/db';
import { announce, onInvalidation } from '../platform/cluster/invalidation';

let version = 0;

/**
 * Changes whenever something the public pages show is saved (public settings, the municipality's
 * name and languages, the routing card, the published plan), in this process or another one (by
 * NOTIFY, within a second), so the pages' short-lived cache refreshes at once.
 */
export const publicContentVersion = (): number => version;

onInvalidation((change) => {
  if (change.kind === 'public' || change.kind === 'municipality' || change.kind === 'all') version += 1;
});

/** Call after the change has committed: every process's public pages reload. */
export async function publicContentChanged(db: Database): Promise<void> {
  await announce(db, { kind: 'public' });
}
