// Starts the document worker (apps/api/src/platform/documents/render.worker.ts) from TypeScript source (tests, `npm run bench`, tsx): registers tsx
// in this worker thread, which does not inherit the main thread's loader, then loads the entry.
// The compiled server (scripts/build-server.mjs) starts apps/api/dist/render-worker.js instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
