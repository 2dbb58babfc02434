import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponseSchema,
  IdParamsSchema,
  NotificationDeliverySchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferencesBodySchema,
  NotificationPreferencesSchema,
  NotificationSchema,
  UnreadCountSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission, signedIn } from '../../platform/http/auth.plugin';
import { findMyNotifications, getDelivery, getPreferences, getUnreadCount, readAllNotifications, readNotification, updatePreferences } from './notification.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['notifications'];

/** The signed-in user's notifications and e-mail preferences; the outbox for the administrator. */
export function notificationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      { schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema, ...errors } }, preValidation: signedIn },
      async (request) => findMyNotifications(deps, actorOf(request), request.query),
    );
    app.get(
      '/notifications/unread-count',
      { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCountSchema, ...errors } }, preValidation: signedIn },
      async (request) => getUnreadCount(deps, actorOf(request)),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags, summary: 'Mark one of my notifications read', params: IdParamsSchema, response: { 200: NotificationSchema, ...errors } }, preValidation: signedIn },
      async (request) => readNotification(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/notifications/read-all',
      { schema: { tags, summary: 'Mark all my notifications read', response: { 200: UnreadCountSchema, ...errors } }, preValidation: signedIn },
      async (request) => readAllNotifications(deps, actorOf(request)),
    );
    app.get(
      '/notifications/preferences',
      { schema: { tags, summary: 'How I get notifications by e-mail', response: { 200: NotificationPreferencesSchema, ...errors } }, preValidation: signedIn },
      async (request) => getPreferences(deps, actorOf(request)),
    );
    app.put(
      '/notifications/preferences',
      { schema: { tags, summary: 'Choose e-mail immediately, as a daily digest, or off (break-glass and overdue child-welfare deadlines are always sent)', body: NotificationPreferencesBodySchema, response: { 200: NotificationPreferencesSchema, ...errors } }, preValidation: signedIn },
      async (request) => updatePreferences(deps, actorOf(request), request.body),
    );
    app.get(
      '/notifications/delivery',
      { schema: { tags, summary: "The municipality's e-mail outbox: counts and recent failures (administrator)", response: { 200: NotificationDeliverySchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => getDelivery(deps, actorOf(request)),
    );
  };
}
