import { isMainThread, threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../../../test/harness';
import { AppError } from '../errors';
import type { DocModel } from './model';
import { DEFAULT_RENDER_CONFIG, RenderPool, renderPool } from './render-pool';
import { renderPdf } from './render';
import { inspectPdf } from './testing';

/** Waits until `condition` holds, checking every few milliseconds (never a fixed sleep); fails after `ms`. */
async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A document of many pages: a table of `rows` rows (a few seconds of pdfkit work). */
function bigModel(rows: number): DocModel {
  return {
    title: 'Stor rapport',
    lang: 'nb',
    blocks: [
      { type: 'heading', level: 1, text: 'Tiltak' },
      { type: 'table', caption: 'Alle tiltak', headers: ['Nr.', 'Tiltak', 'Ansvarlig', 'Status'], rows: Array.from({ length: rows }, (_, index) => [String(index + 1), `Tiltak ${index + 1} med en tittel av vanlig lengde for en handlingsplan`, 'Barneverntjenesten', 'Pågår']) },
    ],
  };
}

const small: DocModel = { title: 'Liten', lang: 'nb', blocks: [{ type: 'paragraph', text: 'Æ ø å, og en linje til.' }] };

/** The error a promise rejected with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

describe('documents render in a worker thread', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps the event loop free: /api/health answers while a large PDF is being rendered', async () => {
    expect(isMainThread).toBe(true);
    let settled = false;
    const rendering = renderPdf(bigModel(3000)).finally(() => (settled = true));
    await until(() => renderPool.stats().busy === 1, 'the render to start');
    const health = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    // The health check answered while the document was still being made.
    expect(settled).toBe(false);
    const pdf = await rendering;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await inspectPdf(pdf)).text).toContain('Tiltak 3000 med en tittel');
    // It ran in another thread, which the pool keeps for the next document.
    expect(renderPool.stats().threadIds.length).toBe(1);
    expect(renderPool.stats().threadIds).not.toContain(threadId);
  });
});

describe('the render pool', () => {
  it('renders one document at a time per worker; the rest wait their turn, and the same worker serves them', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, workers: 1 });
    try {
      const first = pool.run({ kind: 'pdf', model: bigModel(400), createdAt: null });
      const second = pool.run({ kind: 'docx', model: small, createdAt: new Date('2026-12-05T08:00:00Z') });
      const third = pool.run({ kind: 'xlsx', sheets: [{ name: 'Tabell', rows: [['Kjønn', 'Antall'], ['Kvinne', '12']] }] });
      expect(pool.stats()).toMatchObject({ busy: 1, queued: 2, workers: 1 });
      const [pdf, docx, xlsx] = await Promise.all([first, second, third]);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
      expect(pool.stats()).toMatchObject({ busy: 0, queued: 0, workers: 1, started: 1 });
    } finally {
      await pool.terminateAll();
    }
  });

  it('refuses a document at once with RENDER_BUSY when the queue is full, and takes documents again once it has room', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, workers: 1, queue: 2 });
    try {
      const rendering = pool.run({ kind: 'pdf', model: bigModel(400), createdAt: null });
      const waiting = [pool.run({ kind: 'pdf', model: small, createdAt: null }), pool.run({ kind: 'docx', model: small, createdAt: null })];
      expect(pool.stats()).toMatchObject({ busy: 1, queued: 2 });
      const error = await rejection(pool.run({ kind: 'pdf', model: small, createdAt: null }));
      expect(error.code).toBe('RENDER_BUSY');
      expect(error.status).toBe(503);
      expect(error.message).toMatch(/Try again in a minute/);
      // The refused document never joined the queue; the others are still on their way.
      expect(pool.stats()).toMatchObject({ busy: 1, queued: 2 });
      const [pdf, ...rest] = await Promise.all([rendering, ...waiting]);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(rest.map((file) => file.subarray(0, 2).toString())).toEqual(['%P', 'PK']);
      expect((await pool.run({ kind: 'pdf', model: small, createdAt: null })).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await pool.terminateAll();
    }
  });

  it('with no queue, renders as many at once as it has workers and refuses the rest', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, workers: 1, queue: 0 });
    try {
      const rendering = pool.run({ kind: 'pdf', model: small, createdAt: null });
      expect((await rejection(pool.run({ kind: 'pdf', model: small, createdAt: null }))).code).toBe('RENDER_BUSY');
      expect((await rendering).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await pool.terminateAll();
    }
  });

  it('renders two at once with two workers', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, workers: 2 });
    try {
      const both = Promise.all([pool.run({ kind: 'pdf', model: small, createdAt: null }), pool.run({ kind: 'pdf', model: small, createdAt: null })]);
      expect(pool.stats()).toMatchObject({ busy: 2, queued: 0, workers: 2 });
      expect((await both).every((pdf) => pdf.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    } finally {
      await pool.terminateAll();
    }
  });

  it('fails a render that exceeds the heap limit with RENDER_LIMIT, and the next document gets a new worker', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, memoryMb: 4 });
    try {
      const error = await rejection(pool.run({ kind: 'pdf', model: bigModel(3000), createdAt: null }));
      expect(error.code).toBe('RENDER_LIMIT');
      expect(error.status).toBe(503);
      expect(error.message).toMatch(/more memory than one document may take/);
      expect(pool.stats().workers).toBe(0);
      pool.configure(DEFAULT_RENDER_CONFIG);
      const pdf = await pool.run({ kind: 'pdf', model: small, createdAt: null });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pool.stats()).toMatchObject({ workers: 1, started: 2 });
    } finally {
      await pool.terminateAll();
    }
  });

  it('stops a render that takes longer than the time limit with RENDER_LIMIT', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, timeoutMs: 1 });
    try {
      const error = await rejection(pool.run({ kind: 'pdf', model: bigModel(3000), createdAt: null }));
      expect(error.code).toBe('RENDER_LIMIT');
      expect(error.message).toMatch(/more time than one document may take/);
    } finally {
      await pool.terminateAll();
    }
  });

  it('fails the document of a worker killed mid-render with RENDER_FAILED; waiting documents are made by a new worker', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, workers: 1 });
    try {
      const killed = pool.run({ kind: 'pdf', model: bigModel(3000), createdAt: null });
      const waiting = pool.run({ kind: 'pdf', model: small, createdAt: null });
      const [firstThread] = pool.stats().threadIds;
      await pool.terminateAll();
      const error = await rejection(killed);
      expect(error.code).toBe('RENDER_FAILED');
      expect(error.status).toBe(503);
      const pdf = await waiting;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pool.stats().started).toBe(2);
      expect(pool.stats().threadIds).not.toContain(firstThread);
    } finally {
      await pool.terminateAll();
    }
  });

  it('ends a worker that has been idle for idleMs, so its memory goes back', async () => {
    const pool = new RenderPool({ ...DEFAULT_RENDER_CONFIG, idleMs: 50 });
    try {
      await pool.run({ kind: 'pdf', model: small, createdAt: null });
      await until(() => pool.stats().workers === 0, 'the idle worker to end');
      expect(await pool.run({ kind: 'pdf', model: small, createdAt: null })).toBeInstanceOf(Buffer);
      expect(pool.stats().started).toBe(2);
    } finally {
      await pool.terminateAll();
    }
  });

  it('passes a logo (binary data) through to the document', async () => {
    const pool = new RenderPool();
    try {
      // A 1×1 PNG.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const pdf = await pool.run({ kind: 'pdf', model: { ...small, logo: { data: png, type: 'png', alt: 'Øvre Ås kommune' } }, createdAt: null });
      expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    } finally {
      await pool.terminateAll();
    }
  });
});
