import { Worker } from 'node:worker_threads';
import type { RenderConfig } from '../../config';
import { AppError } from '../errors';
import type { RenderJob, RenderJobKind, RenderResult } from './render-protocol';

/**
 * The document workers. Every PDF, DOCX and XLSX the server makes is rendered in a worker thread
 * (render.worker.ts), never in the main thread, so:
 * - the event loop keeps answering (health checks, other users) while a long report renders;
 * - a render is held to a V8 heap limit (`memoryMb`) and a time limit (`timeoutMs`): a runaway one
 *   fails that document with RENDER_LIMIT instead of taking the server down;
 * - at most `workers` documents render at once; more wait their turn in a queue (first come, first served)
 *   of at most `queue` documents, and one more is refused at once with RENDER_BUSY rather than held
 *   (with its document in memory) for minutes;
 * - a worker that ended (out of memory, stopped, crashed) is replaced by a new one for the next document;
 * - a worker that has had nothing to do for `idleMs` is ended, so its memory (fonts, pdfkit, docx) goes back.
 * The job is plain data (structured clone); the file comes back as a moved ArrayBuffer.
 */

/** Set by scripts/build-server.mjs in the compiled server: the file URL of dist/render-worker.js. */
declare const LYKT_COMPILED_RENDER_WORKER: string | undefined;

export const DEFAULT_RENDER_CONFIG: RenderConfig = { workers: 1, memoryMb: 512, timeoutMs: 120_000, idleMs: 60_000, queue: 20 };

/** A job without its id (the pool numbers them). */
export type RenderRequest = RenderJob extends infer J ? (J extends RenderJob ? Omit<J, 'id'> : never) : never;

type Pending = { job: RenderJob; resolve: (body: Buffer) => void; reject: (error: Error) => void };

type Slot = {
  worker: Worker;
  /** The settings the worker was started with (a changed configuration ends it when it is idle). */
  config: RenderConfig;
  current: Pending | null;
  /** Why the current job failed, when the pool itself ended the worker (time limit) or the worker reported an error. */
  failure: AppError | null;
  timer: NodeJS.Timeout | null;
};

function workerScript(): { url: URL; workerData?: { entry: string } } {
  if (typeof LYKT_COMPILED_RENDER_WORKER === 'string') return { url: new URL(LYKT_COMPILED_RENDER_WORKER) };
  // From source (tests, tsx): a small JavaScript entry registers tsx in the thread, then loads the TypeScript.
  return { url: new URL('../../../bin/render-worker-dev.mjs', import.meta.url), workerData: { entry: new URL('./render.worker.ts', import.meta.url).href } };
}

const limitError = (what: string) => new AppError('RENDER_LIMIT', `The document needed more ${what} than one document may take on this server. Ask for a smaller part, or ask the administrator to raise the limit.`);
const busyError = () => new AppError('RENDER_BUSY', 'The server is making many documents right now. Try again in a minute.');
const stoppedError = () => new AppError('RENDER_FAILED', 'The document could not be made: the document worker stopped. Try again.');

export class RenderPool {
  private config: RenderConfig;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private started = 0;

  constructor(config: RenderConfig = DEFAULT_RENDER_CONFIG) {
    this.config = { ...config };
  }

  /** New settings apply to the next worker started; idle workers with the old ones end now. */
  configure(config: RenderConfig): void {
    this.config = { ...config };
    for (const slot of this.slots) if (!slot.current && !sameConfig(slot.config, config)) this.retire(slot);
    this.dispatch();
  }

  /**
   * Renders in a worker; rejects with RENDER_LIMIT or RENDER_FAILED (AppError) when the worker
   * could not, and at once with RENDER_BUSY when the document would have to wait behind `queue` others.
   */
  run(request: RenderRequest): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const pending: Pending = { job: { ...request, id: this.nextId++ }, resolve, reject };
      this.queue.push(pending);
      this.dispatch();
      // Not taken by a worker and the queue already full: refuse now rather than wait.
      if (this.queue.length > this.config.queue && this.queue.at(-1) === pending) {
        this.queue.pop();
        reject(busyError());
      }
    });
  }

  /** Workers alive, documents rendering now, documents waiting, and workers started since the pool was made (tests, operations). */
  stats(): { workers: number; busy: number; queued: number; started: number; threadIds: number[] } {
    const slots = [...this.slots];
    return { workers: slots.length, busy: slots.filter((slot) => slot.current).length, queued: this.queue.length, started: this.started, threadIds: slots.map((slot) => slot.worker.threadId) };
  }

  /** Ends every worker now; documents being rendered fail with RENDER_FAILED, waiting ones get new workers. */
  async terminateAll(): Promise<void> {
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.current && sameConfig(slot.config, this.config)) this.assign(slot);
    }
    while (this.queue.length > 0 && this.busyOrLive() < this.config.workers) this.assign(this.spawn());
  }

  private busyOrLive(): number {
    return [...this.slots].filter((slot) => slot.current || sameConfig(slot.config, this.config)).length;
  }

  private assign(slot: Slot): void {
    const pending = this.queue.shift();
    if (!pending) return;
    this.clearTimer(slot);
    slot.current = pending;
    slot.failure = null;
    slot.worker.ref();
    try {
      slot.worker.postMessage(pending.job);
    } catch (error) {
      // Not plain data (a programming error): fail this job, keep the worker.
      slot.current = null;
      pending.reject(error instanceof Error ? error : new Error('The document could not be passed to the worker.'));
      this.idle(slot);
      return;
    }
    slot.timer = setTimeout(() => {
      slot.failure = limitError('time');
      void slot.worker.terminate();
    }, this.config.timeoutMs);
  }

  private spawn(): Slot {
    const script = workerScript();
    const config = { ...this.config };
    const worker = new Worker(script.url, {
      ...(script.workerData ? { workerData: script.workerData } : {}),
      resourceLimits: { maxOldGenerationSizeMb: config.memoryMb },
      // The worker's output is not the server's log: a document's text must never reach it.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, config, current: null, failure: null, timer: null };
    this.slots.add(slot);
    this.started += 1;
    worker.on('message', (result: RenderResult) => {
      const pending = slot.current;
      if (!pending || pending.job.id !== result.id) return;
      this.clearTimer(slot);
      slot.current = null;
      if (result.ok) pending.resolve(Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength));
      else pending.reject(result.code === 'ERR_WORKER_OUT_OF_MEMORY' || result.name === 'RangeError' ? limitError('memory') : Object.assign(new Error(`The document could not be rendered (${result.name}).`), { name: result.name, code: result.code ?? undefined }));
      this.idle(slot);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // An uncaught error ends the worker; the heap limit shows as ERR_WORKER_OUT_OF_MEMORY.
      slot.failure ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitError('memory') : stoppedError();
    });
    worker.on('exit', () => {
      this.clearTimer(slot);
      this.slots.delete(slot);
      const pending = slot.current;
      slot.current = null;
      if (pending) pending.reject(slot.failure ?? stoppedError());
      this.dispatch();
    });
    return slot;
  }

  /** The worker has nothing to do: it lets the process exit, and ends after idleMs (or now, if its settings are old). */
  private idle(slot: Slot): void {
    if (!this.slots.has(slot)) return;
    slot.worker.unref();
    if (!sameConfig(slot.config, this.config)) {
      this.retire(slot);
      return;
    }
    slot.timer = setTimeout(() => this.retire(slot), slot.config.idleMs);
    slot.timer.unref();
  }

  private retire(slot: Slot): void {
    this.clearTimer(slot);
    this.slots.delete(slot);
    void slot.worker.terminate();
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }
}

function sameConfig(a: RenderConfig, b: RenderConfig): boolean {
  return a.memoryMb === b.memoryMb && a.timeoutMs === b.timeoutMs && a.idleMs === b.idleMs;
}

/** The process's document workers (one pool per process; buildApp applies the configuration). */
export const renderPool = new RenderPool();

export type { RenderJobKind };
