import { fillText } from '@lykt/content/report-texts';
import { renderChartSvg, type ChartDefinition } from '@lykt/shared';
import type { PublicPlan } from '../modules/reports/public-plan';
import { html, interpolate, raw } from './html';
import { layout, type PageContext } from './pages';
import { dateTimeFormat, numberFormat } from '../platform/intl';

/** The plan's own content (titles) exists in bokmål and English; nynorsk readers get bokmål, everyone else English. */
export function planTextLanguage(lang: string): 'nb' | 'en' {
  return lang === 'nb' || lang === 'nn' ? 'nb' : 'en';
}

/**
 * The public page of the adopted action plan: progress per area as an accessible SVG chart with
 * its table, then each area's measures with status and progress. Server-rendered, no script
 * needed. When the reader's language is not the plan's, the plan part is marked with its own lang.
 */
export function planPage(ctx: PageContext, plan: PublicPlan | null, today: string): string {
  // Every label is in the reader's language; the plan's own titles are in the plan's, marked with its lang.
  const t = ctx.texts.plan;
  const planLang = planTextLanguage(ctx.lang);
  const own = (value: string) => (planLang === ctx.lang ? value : html`<span lang="${planLang}">${value}</span>`);
  const number = numberFormat(ctx.lang, { maximumFractionDigits: 0 });
  const day = (value: string) => dateTimeFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  if (!plan) {
    return layout(ctx, t.heading, html`<h1 class="ds-heading" data-size="lg">${t.heading}</h1><p class="ds-paragraph">${t.noPlan}</p>`);
  }
  const chart: ChartDefinition = {
    id: 'public-plan-progress',
    kind: 'bar',
    title: t.areasCaption,
    description: t.chartDescription,
    categoryLabel: t.columns.area,
    valueLabel: t.chartValueLabel,
    categories: plan.areas.map((area) => area.code),
    series: [{ key: 'progress', label: t.columns.progress, values: plan.areas.map((area) => area.progress ?? 0) }],
    max: 100,
  };
  // Without a fixed width and height the drawing scales to the column (the viewBox keeps its shape).
  const svg = renderChartSvg(chart, { width: 640, height: 240, formatNumber: (value) => number.format(value) }).replace(' width="640" height="240"', '');
  const values = {
    version: String(plan.version),
    date: plan.decisionDate ? day(plan.decisionDate) : '',
    ref: plan.decisionRef ? ` ${fillText(t.decisionRef, { ref: plan.decisionRef })}` : '',
  };
  // The plan's title is the plan's own text: marked with its language inside the reader's sentence.
  const [beforeTitle = '', afterTitle = ''] = t.adopted.split('{plan}');
  const adopted = html`${interpolate(beforeTitle, values)}${own(plan.title)}${interpolate(afterTitle, values)}`;
  const main = html`<div class="pp-stack">
<h1 class="ds-heading" data-size="lg">${t.heading}</h1>
<p class="ds-paragraph" data-size="lg">${adopted}</p>
${plan.total !== null ? html`<p class="ds-paragraph">${fillText(t.total, { progress: number.format(plan.total) })}</p>` : ''}
<figure class="pp-figure" aria-labelledby="plan-progress-caption"><figcaption id="plan-progress-caption" class="ds-heading" data-size="xs">${t.areasCaption}</figcaption>
${raw(svg)}
<table class="pp-table"><caption class="ds-sr-only">${t.areasCaption}</caption><thead><tr><th scope="col">${t.columns.area}</th><th scope="col">${t.columns.measures}</th><th scope="col">${t.columns.done}</th><th scope="col">${t.columns.progress}</th></tr></thead>
<tbody>${plan.areas.map(
    (area) => html`<tr><th scope="row">${area.code} ${own(area.title)}</th><td>${number.format(area.measureCount)}</td><td>${number.format(area.doneCount)}</td><td>${area.progress === null ? '–' : `${number.format(area.progress)} %`}</td></tr>`,
  )}</tbody></table></figure>
<h2 class="ds-heading" data-size="md">${t.measuresHeading}</h2>
${plan.areas.map(
  (area) => html`<section class="pp-stack" aria-labelledby="area-${area.code}"><h3 class="ds-heading" data-size="sm" id="area-${area.code}">${area.code} ${own(area.title)}</h3>
<ul class="ds-list">${area.measures.map(
    (measure) =>
      html`<li><strong>${'– '.repeat(measure.depth)}${own(measure.title)}</strong><br><span class="pp-meta">${fillText(t.measureProgress, { status: t.statuses[measure.status], progress: number.format(measure.progress) })}${
        measure.owner ? html` · ${interpolate(t.owner, { owner: measure.owner })}` : ''
      }</span></li>`,
  )}</ul></section>`,
)}
<p class="ds-paragraph pp-meta">${fillText(t.updated, { date: day(today) })}</p>
</div>`;
  return layout(ctx, t.heading, main);
}
