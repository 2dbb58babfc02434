import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DownloadListSchema, DownloadParamsSchema, DownloadRequestSchema, DownloadSchema, ErrorResponseSchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, signedIn } from '../../platform/http/auth.plugin';
import * as service from './downloads.service';
import { drainDownloads, POLL_MS } from './downloads.worker';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 429: ErrorResponseSchema };
const tags = ['downloads'];

/** Background downloads: ask, follow, fetch (the asker only; each kind re-checks its own permission). */
export function downloadRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Picks up what another process queued or a restart left; stops with the server.
    const poll = setInterval(() => void drainDownloads(deps), POLL_MS);
    poll.unref();
    app.addHook('onClose', async () => {
      clearInterval(poll);
      await drainDownloads(deps);
    });

    app.post(
      '/downloads',
      { schema: { tags, summary: 'Ask for a long download (council report document, statistics export) to be made in the background (audited)', body: DownloadRequestSchema, response: { 202: DownloadSchema, ...errors } }, preValidation: signedIn },
      async (request, reply) => reply.code(202).send(await service.requestDownload(deps, actorOf(request), request.body)),
    );
    app.get(
      '/downloads',
      { schema: { tags, summary: 'My downloads, newest first, with their progress (only my own)', response: { 200: DownloadListSchema, ...errors } }, preValidation: signedIn },
      async (request) => service.listDownloads(deps, actorOf(request)),
    );
    app.get(
      '/downloads/:id',
      { schema: { tags, summary: 'One of my downloads with its progress', params: DownloadParamsSchema, response: { 200: DownloadSchema, ...errors } }, preValidation: signedIn },
      async (request) => service.getDownload(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/downloads/:id/file',
      { schema: { tags, summary: 'The finished file of one of my downloads (audited)', params: DownloadParamsSchema, response: { 200: z.any().describe('the file'), ...errors } }, preValidation: signedIn },
      async (request, reply) => {
        const file = await service.fetchFile(deps, actorOf(request), request.params.id);
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
      },
    );
    app.delete(
      '/downloads/:id',
      { schema: { tags, summary: 'Remove one of my downloads and its file now (audited)', params: DownloadParamsSchema, response: { 204: z.null(), ...errors } }, preValidation: signedIn },
      async (request, reply) => {
        await service.deleteDownload(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
