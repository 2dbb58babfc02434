import { isNotNull } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { tileOrigin } from '@lykt/shared';
import { onInvalidation } from '../../platform/cluster/invalidation';

let cached: Promise<readonly string[]> | null = null;

// A changed tile source is announced as a municipality change (in the same transaction), on every process.
onInvalidation((change) => {
  if (change.kind === 'municipality' || change.kind === 'all') cached = null;
});

async function load(db: Database): Promise<readonly string[]> {
  const rows = await db.select({ url: schema.mapSettings.tileUrl }).from(schema.mapSettings).where(isNotNull(schema.mapSettings.tileUrl));
  return [...new Set(rows.flatMap((row) => (row.url ? [tileOrigin(row.url)] : [])))].sort();
}

/**
 * The origins of the configured map tile servers: the staff app's Content-Security-Policy allows
 * these (images and fetches) and nothing more. Read once and kept until a tile source changes.
 */
export function mapTileOrigins(db: Database): Promise<readonly string[]> {
  if (!cached) {
    const loading = load(db);
    cached = loading;
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
  }
  return cached;
}
