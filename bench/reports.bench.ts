import { randomUUID } from 'node:crypto';
import { buildOrganisation, buildTenant, schema } from '@lykt/db';
import { PLAN_AREA_CODES, ReportNarrativeSchema } from '@lykt/shared';
import { renderDocx } from '../apps/api/src/platform/documents/docx';
import type { DocModel } from '../apps/api/src/platform/documents/model';
import { renderPdf } from '../apps/api/src/platform/documents/pdf';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { buildReportDocument } from '../apps/api/src/modules/reports/report-document';
import { benchDatabase } from './support';

type Row = { phase: string; runs: number; meanMs: number; maxMs: number; output: string; peakRssMiB: number; peakHeapMiB: number };

/** Runs fn `runs` times, sampling memory every 2 ms; peak figures are the highest seen over the runs. */
async function timed<T>(phase: string, runs: number, fn: () => Promise<T>, describe: (value: T) => string): Promise<{ row: Row; last: T }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 2);
  const times: number[] = [];
  let last: T | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      last = await fn();
      times.push(performance.now() - started);
      sample();
    }
  } finally {
    clearInterval(sampler);
  }
  if (last === undefined) throw new Error(`${phase}: no run`);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return { row: { phase, runs, meanMs: mean, maxMs: Math.max(...times), output: describe(last), peakRssMiB: peakRss / 2 ** 20, peakHeapMiB: peakHeap / 2 ** 20 }, last };
}

/**
 * The council report for a plan of 60 measures (15 sub-measures) with 600 updates and a year of
 * meetings, screenings and tips: generating the document from live data (every section provider),
 * then rendering it to a tagged PDF and to DOCX (with the chart rasterised). Time and peak memory.
 */
export async function benchReports(seconds: number): Promise<void> {
  const { handle, deps } = await benchDatabase();
  const runs = Math.max(3, Math.min(20, Math.round(seconds)));
  try {
    const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring), { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const municipalityId = tenant.municipality.id;
    const owners = await Promise.all(Array.from({ length: 6 }, (_, index) => buildOrganisation(deps.db, municipalityId, { name: `Partner ${index + 1}` })));
    const [plan] = await deps.db.insert(schema.plan).values({ municipalityId, title: 'Bench plan', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
    if (!plan) throw new Error('plan insert returned nothing');
    const [version] = await deps.db
      .insert(schema.planVersion)
      .values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS 1/26', decisionDate: '2026-01-15', adoptedAt: new Date('2026-01-15T12:00:00Z') })
      .returning();
    if (!version) throw new Error('version insert returned nothing');
    const measures: Array<{ id: string; lineageId: string }> = [];
    const parents: Array<{ id: string; area: string }> = [];
    for (let index = 0; index < 60; index++) {
      const parent = index % 4 === 3 ? parents.at(-1) : undefined;
      const [row] = await deps.db
        .insert(schema.planMeasure)
        .values({
          municipalityId,
          planVersionId: version.id,
          lineageId: randomUUID(),
          parentId: parent?.id ?? null,
          area: parent?.area ?? PLAN_AREA_CODES[index % PLAN_AREA_CODES.length] ?? 'A',
          position: index,
          title: `Tiltak ${index + 1}: et tiltak med en tittel av vanlig lengde for en handlingsplan`,
          ownerOrganisationId: owners[index % owners.length]?.id ?? null,
          dueDate: '2026-12-31',
          status: ['not_started', 'in_progress', 'delayed', 'done'][index % 4] ?? 'in_progress',
          progress: (index * 7) % 100,
        })
        .returning();
      if (!row) throw new Error('measure insert returned nothing');
      measures.push({ id: row.id, lineageId: row.lineageId });
      if (!parent) parents.push({ id: row.id, area: row.area });
    }
    await deps.db.insert(schema.planMeasureUpdate).values(
      measures.flatMap((measure, index) =>
        Array.from({ length: 10 }, (_, n) => ({
          municipalityId,
          planId: plan.id,
          lineageId: measure.lineageId,
          measureId: measure.id,
          source: 'update',
          occurredOn: `2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
          text: `Oppdatering ${n + 1} for tiltak ${index + 1}.`,
        })),
      ),
    );
    for (let month = 1; month <= 12; month += 2) {
      await deps.db.insert(schema.coopMeeting).values({ municipalityId, startsAt: new Date(`2026-${String(month).padStart(2, '0')}-10T08:00:00Z`), place: 'Rådhuset' });
    }
    await deps.db.insert(schema.tip).values(
      Array.from({ length: 40 }, (_, index) => ({
        municipalityId,
        receiptHash: randomUUID(),
        language: 'nb',
        placeKind: 'workplace',
        minor: 'no',
        immediateDanger: index % 9 === 0,
        anonymous: true,
        contentEnc: 'x',
        submittedOn: `2026-${String((index % 12) + 1).padStart(2, '0')}-03`,
        lastActivityOn: '2026-12-01',
      })),
    );

    const input = {
      municipalityId,
      municipalityName: tenant.municipality.name,
      year: 2026,
      lang: 'nb' as const,
      suppressionThreshold: 5,
      narrative: ReportNarrativeSchema.parse({ summary: 'Sammendrag. '.repeat(80), assessment: 'Vurdering. '.repeat(40), proposals: 'Forslag. '.repeat(40) }),
      caseFields: { caseNumber: '2026/1234', archiveCode: 'F00 &13', committee: 'Kommunestyret', meetingDate: '2027-02-10', caseOfficer: 'Saksbehandler', recommendation: '', attachments: [] },
      draft: true,
    };
    // One warm-up of each step (fonts, module loading), not counted.
    const warm: DocModel = (await buildReportDocument(deps.db, input)).document;
    await renderPdf(warm);
    await renderDocx(warm);

    const kib = (buffer: Buffer) => `${(buffer.length / 1024).toFixed(0)} KiB`;
    const generated = await timed('generate the document from live data (all sections)', runs, async () => (await buildReportDocument(deps.db, input)).document, (doc) => `${doc.blocks.length} blocks`);
    const pdf = await timed('render tagged PDF', runs, () => renderPdf(generated.last), kib);
    const docx = await timed('render DOCX (chart rasterised)', runs, () => renderDocx(generated.last), kib);

    // Server memory over consecutive exports: RSS after each of 20 PDF + DOCX exports, as a server
    // that keeps exporting would see it (no forced garbage collection).
    const rss: number[] = [];
    for (let run = 0; run < 20; run++) {
      await renderPdf(generated.last);
      await renderDocx(generated.last);
      rss.push(process.memoryUsage().rss / 2 ** 20);
    }

    console.log(`\nCouncil report: plan of 60 measures, 600 updates, 6 meetings, 40 tips (${runs} runs each, ${deps.dbKind})`);
    console.log('| phase | runs | mean ms | max ms | output | peak RSS MiB | peak heap MiB |');
    console.log('|---|---:|---:|---:|---|---:|---:|');
    for (const { row } of [generated, pdf, docx]) {
      console.log(`| ${row.phase} | ${row.runs} | ${row.meanMs.toFixed(0)} | ${row.maxMs.toFixed(0)} | ${row.output} | ${row.peakRssMiB.toFixed(0)} | ${row.peakHeapMiB.toFixed(0)} |`);
    }
    console.log(`\nRSS over 20 consecutive PDF + DOCX exports: first ${rss[0]?.toFixed(0)} MiB, last ${rss.at(-1)?.toFixed(0)} MiB, highest ${Math.max(...rss).toFixed(0)} MiB, rise ${(Math.max(...rss) - (rss[0] ?? 0)).toFixed(0)} MiB`);
  } finally {
    await handle.close();
  }
}
