import { fillText, reportTexts } from '@lykt/content/report-texts';
import type { Meeting } from '@lykt/shared';
import type { DocBlock, DocModel } from '../../platform/documents/model';
import { REPORT_TIME_ZONE } from '../reports/period';
import { dateTimeFormat } from '../../platform/intl';

function paragraphs(text: string): DocBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ type: 'paragraph', text: part.replace(/\s*\n\s*/g, ' ') }));
}

/**
 * A meeting's minutes as a document (rendered to PDF and DOCX by the shared renderers): time and
 * place, who was present, the agenda items with notes and decisions, the action items, and the
 * free minutes. Internal to the cooperation group, as the footer says.
 */
export function buildMinutesDocument(meeting: Meeting, lang: 'nb' | 'en', municipalityName: string): DocModel {
  const texts = reportTexts(lang).minutes;
  const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';
  const when = dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: REPORT_TIME_ZONE }).format(new Date(meeting.startsAt));
  const day = (value: string | null) => (value ? dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : texts.none);
  const memberLine = (row: Meeting['attendance'][number]) => fillText(texts.memberLine, { name: row.member.name, organisation: row.member.organisation.name, role: texts.roles[row.member.groupRole] });
  const present = meeting.attendance.filter((row) => row.present);
  const absent = meeting.attendance.filter((row) => !row.present);

  const blocks: DocBlock[] = [
    { type: 'keyValue', items: [{ label: texts.date, value: when }, { label: texts.place, value: meeting.place || texts.noPlace }] },
    { type: 'heading', level: 1, text: texts.present },
    present.length > 0 ? { type: 'list', items: present.map(memberLine) } : { type: 'paragraph', text: texts.nobody },
  ];
  if (absent.length > 0) blocks.push({ type: 'heading', level: 2, text: texts.absent }, { type: 'list', items: absent.map(memberLine) });

  blocks.push({ type: 'heading', level: 1, text: texts.items });
  if (meeting.items.length === 0) blocks.push({ type: 'paragraph', text: texts.noItems });
  meeting.items.forEach((item, index) => {
    blocks.push({ type: 'heading', level: 2, text: fillText(texts.itemHeading, { number: index + 1, title: item.title }) }, ...paragraphs(item.notes));
    if (item.decision.trim()) blocks.push({ type: 'paragraph', text: fillText(texts.decision, { decision: item.decision.trim() }) });
  });

  blocks.push({ type: 'heading', level: 1, text: texts.actions });
  if (meeting.actions.length === 0) blocks.push({ type: 'paragraph', text: texts.noActions });
  else {
    const columns = texts.actionColumns;
    blocks.push({
      type: 'table',
      caption: texts.actionsCaption,
      headers: [columns.text, columns.owner, columns.due, columns.measure, columns.done],
      rows: meeting.actions.map((action) => [action.text, action.ownerOrganisation?.name ?? texts.none, day(action.dueDate), action.measure?.title ?? texts.none, action.completedOn ? day(action.completedOn) : texts.notDone]),
    });
  }

  blocks.push({ type: 'heading', level: 1, text: texts.minutes });
  const minutes = paragraphs(meeting.minutes);
  blocks.push(...(minutes.length > 0 ? minutes : [{ type: 'paragraph' as const, text: texts.noMinutes }]));

  return {
    title: texts.title,
    subtitle: fillText(texts.subtitle, { municipality: municipalityName, date: when }),
    lang,
    footer: fillText(texts.footer, { municipality: municipalityName }),
    author: municipalityName,
    blocks,
  };
}
