import type { Meeting, MeetingBody, Member, MemberBody, RoutingCard, RoutingCardBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { plansKeys } from '../plans/queries';
import { cooperationKeys } from './queries';

const refresh = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: cooperationKeys.all });

export function createMemberMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cooperation', 'member', 'create'],
    mutationFn: (body: MemberBody) => api.post<Member>('/cooperation/members', body),
    onSuccess: () => refresh(queryClient),
  });
}

export function removeMemberMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cooperation', 'member', 'remove'],
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/cooperation/members/${encodeURIComponent(id)}`),
    onSuccess: () => refresh(queryClient),
  });
}

export function saveRoutingCardMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cooperation', 'routing', 'save'],
    mutationFn: (body: RoutingCardBody) => api.put<RoutingCard>('/cooperation/routing-card', body),
    onSuccess: (card) => {
      queryClient.setQueryData(cooperationKeys.routing(), card);
      return refresh(queryClient);
    },
  });
}

export function createMeetingMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cooperation', 'meeting', 'create'],
    mutationFn: (body: MeetingBody) => api.post<Meeting>('/cooperation/meetings', body),
    onSuccess: () => refresh(queryClient),
  });
}

export function completeActionMutationOptions(queryClient: QueryClient, meetingId: string) {
  return mutationOptions({
    mutationKey: ['cooperation', 'action', 'complete', meetingId],
    mutationFn: (actionId: string) => api.post<Meeting>(`/cooperation/meetings/${encodeURIComponent(meetingId)}/actions/${encodeURIComponent(actionId)}/complete`, {}),
    onSuccess: async (meeting) => {
      queryClient.setQueryData(cooperationKeys.meeting(meeting.id), meeting);
      await Promise.all([refresh(queryClient), queryClient.invalidateQueries({ queryKey: plansKeys.all })]);
    },
  });
}
