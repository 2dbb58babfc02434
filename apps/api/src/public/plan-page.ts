import { fillText, reportTexts } from '@lykt/content/report-texts';
import { renderChartSvg, type ChartDefinition } from '@lykt/shared';
import type { PublicPlan } from '../modules/reports/public-plan';
import { html, raw } from './html';
import { layout, type PageContext } from './pages';

/** The plan's texts exist in bokmål and English; nynorsk readers get bokmål, everyone else English. */
export function planTextLanguage(lang: string): 'nb' | 'en' {
  return lang === 'nb' || lang === 'nn' ? 'nb' : 'en';
}

/**
 * The public page of the adopted action plan: progress per area as an accessible SVG chart with
 * its table, then each area's measures with status and progress. Server-rendered, no script
 * needed. When the reader's language is not the plan's, the plan part is marked with its own lang.
 */
export function planPage(ctx: PageContext, plan: PublicPlan | null, today: string): string {
  const planLang = planTextLanguage(ctx.lang);
  const texts = reportTexts(planLang);
  const t = texts.publicPlan;
  const statuses = texts.plan.statuses;
  const locale = planLang === 'nb' ? 'nb-NO' : 'en-GB';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = (value: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  const langAttr = planLang === ctx.lang ? '' : html` lang="${planLang}"`;
  if (!plan) {
    return layout(ctx, t.heading, html`<div${langAttr}><h1 class="ds-heading" data-size="lg">${t.heading}</h1><p class="ds-paragraph">${t.noPlan}</p></div>`);
  }
  const chart: ChartDefinition = {
    id: 'public-plan-progress',
    kind: 'bar',
    title: t.areasCaption,
    description: texts.plan.chart.description,
    categoryLabel: t.columns.area,
    valueLabel: texts.plan.chart.valueLabel,
    categories: plan.areas.map((area) => area.code),
    series: [{ key: 'progress', label: t.columns.progress, values: plan.areas.map((area) => area.progress ?? 0) }],
    max: 100,
  };
  // Without a fixed width and height the drawing scales to the column (the viewBox keeps its shape).
  const svg = renderChartSvg(chart, { width: 640, height: 240, formatNumber: (value) => number.format(value) }).replace(' width="640" height="240"', '');
  const adopted = fillText(t.adopted, {
    plan: plan.title,
    version: plan.version,
    date: plan.decisionDate ? day(plan.decisionDate) : '',
    ref: plan.decisionRef ? ` ${fillText(texts.plan.decisionRef, { ref: plan.decisionRef })}` : '',
  });
  const main = html`<div class="pp-stack"${langAttr}>
<h1 class="ds-heading" data-size="lg">${t.heading}</h1>
<p class="ds-paragraph" data-size="lg">${adopted}</p>
${plan.total !== null ? html`<p class="ds-paragraph">${fillText(t.total, { progress: number.format(plan.total) })}</p>` : ''}
<figure class="pp-figure" aria-labelledby="plan-progress-caption"><figcaption id="plan-progress-caption" class="ds-heading" data-size="xs">${t.areasCaption}</figcaption>
${raw(svg)}
<table class="pp-table"><caption class="ds-sr-only">${t.areasCaption}</caption><thead><tr><th scope="col">${t.columns.area}</th><th scope="col">${t.columns.measures}</th><th scope="col">${t.columns.done}</th><th scope="col">${t.columns.progress}</th></tr></thead>
<tbody>${plan.areas.map(
    (area) => html`<tr><th scope="row">${area.code} ${area.title}</th><td>${area.measureCount}</td><td>${area.doneCount}</td><td>${area.progress === null ? '–' : `${number.format(area.progress)} %`}</td></tr>`,
  )}</tbody></table></figure>
<h2 class="ds-heading" data-size="md">${t.measuresHeading}</h2>
${plan.areas.map(
  (area) => html`<section class="pp-stack" aria-labelledby="area-${area.code}"><h3 class="ds-heading" data-size="sm" id="area-${area.code}">${area.code} ${area.title}</h3>
<ul class="ds-list">${area.measures.map(
    (measure) =>
      html`<li><strong>${'– '.repeat(measure.depth)}${measure.title}</strong><br><span class="pp-meta">${fillText(t.measureProgress, { status: statuses[measure.status], progress: number.format(measure.progress) })}${
        measure.owner ? html` · ${fillText(t.owner, { owner: measure.owner })}` : ''
      }</span></li>`,
  )}</ul></section>`,
)}
<p class="ds-paragraph pp-meta">${fillText(t.updated, { date: day(today) })}</p>
</div>`;
  return layout(ctx, t.heading, main);
}
