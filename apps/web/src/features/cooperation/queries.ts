import type { Meeting, MeetingListSchema, Member, RoutingCard } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export type MeetingList = z.infer<typeof MeetingListSchema>;

export const cooperationKeys = {
  all: ['cooperation'] as const,
  members: () => [...cooperationKeys.all, 'members'] as const,
  routing: () => [...cooperationKeys.all, 'routing'] as const,
  meetings: () => [...cooperationKeys.all, 'meetings'] as const,
  meeting: (id: string) => [...cooperationKeys.all, 'meeting', id] as const,
};

export function membersQueryOptions() {
  return queryOptions({ queryKey: cooperationKeys.members(), queryFn: ({ signal }) => api.get<{ items: Member[] }>('/cooperation/members', { signal }) });
}

export function routingCardQueryOptions() {
  return queryOptions({ queryKey: cooperationKeys.routing(), queryFn: ({ signal }) => api.get<RoutingCard>('/cooperation/routing-card', { signal }) });
}

export function meetingsQueryOptions() {
  return queryOptions({ queryKey: cooperationKeys.meetings(), queryFn: ({ signal }) => api.get<MeetingList>('/cooperation/meetings', { signal }) });
}

export function meetingQueryOptions(id: string) {
  return queryOptions({ queryKey: cooperationKeys.meeting(id), queryFn: ({ signal }) => api.get<Meeting>(`/cooperation/meetings/${encodeURIComponent(id)}`, { signal }) });
}
