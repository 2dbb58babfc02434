import type { MeResponse, Permission } from '@lykt/shared';
import { useSuspenseQuery } from '@tanstack/react-query';
import { meQueryOptions } from './queries';

/** The signed-in user. Only for pages under the signed-in layout, whose guard has loaded it. */
export function useMe(): MeResponse {
  return useSuspenseQuery(meQueryOptions()).data;
}

/** Whether the signed-in user holds a permission. */
export function hasPermission(me: MeResponse, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
