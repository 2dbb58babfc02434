import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@lykt/shared';

/** Who is acting: a signed-in user, or the system/CLI. */
export type UserActor = {
  kind: 'user';
  userId: string;
  municipalityId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  name: string;
};
export type SystemActor = { kind: 'system'; label: string };
export type Actor = UserActor | SystemActor;

/** Mutable per request: the auth hook fills in the actor once the session is known. */
export type RequestContext = { requestId: string | null; actor: Actor | null };

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn with a request context; the audit helper reads actor and request id from it. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext {
  return storage.getStore() ?? { requestId: null, actor: null };
}
