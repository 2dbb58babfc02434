import type { MeResponse } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { mapQueryOptions } from './queries';

/**
 * Whether this user can open the local situation map. Who may change it can always read it; a partner can only when the
 * coordinator has opened it to partners, which the map endpoint itself answers (403 otherwise). Until that answer is in, no.
 */
export function useMapReadable(me: MeResponse): boolean {
  const mayRead = me.permissions.includes('overview:read');
  const mayWrite = me.permissions.includes('overview:write');
  const map = useQuery({ ...mapQueryOptions(), enabled: mayRead && !mayWrite, retry: false });
  if (!mayRead) return false;
  if (mayWrite) return true;
  return map.isSuccess;
}
