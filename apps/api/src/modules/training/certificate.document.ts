import { routineTexts } from '@lykt/content/knowledge';
import type { ArticleLang } from '@lykt/shared';
import { localDate } from '@lykt/shared';
import type { DocModel } from '../../platform/documents/model';
import { dateTimeFormat } from '../../platform/intl';


export type CertificateInput = {
  lang: ArticleLang;
  municipalityName: string;
  personName: string;
  organisationName: string;
  moduleTitle: string;
  moduleVersion: number;
  score: number;
  completedAt: Date;
  validUntil: string;
  reference: string;
};

const formatDay = (day: string, lang: ArticleLang) => dateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The certificate of a completed module: who, what, when, with which score and until when it is valid. */
export function buildCertificateDocument(input: CertificateInput): DocModel {
  const texts = routineTexts().certificate;
  const { lang } = input;
  return {
    title: texts.title[lang],
    subtitle: input.municipalityName,
    lang,
    author: input.municipalityName,
    footer: `${texts.fields.reference[lang]}: ${input.reference}`,
    blocks: [
      { type: 'paragraph', text: texts.intro[lang] },
      { type: 'heading', level: 2, text: input.personName },
      { type: 'paragraph', text: `${texts.completed[lang]} «${input.moduleTitle}».` },
      {
        type: 'keyValue',
        items: [
          { label: texts.fields.module[lang], value: input.moduleTitle },
          { label: texts.fields.version[lang], value: String(input.moduleVersion) },
          { label: texts.fields.organisation[lang], value: input.organisationName },
          { label: texts.fields.score[lang], value: `${input.score} %` },
          { label: texts.fields.completedAt[lang], value: formatDay(localDate(input.completedAt), lang) },
          { label: texts.fields.validUntil[lang], value: formatDay(input.validUntil, lang) },
          { label: texts.fields.reference[lang], value: input.reference },
        ],
      },
    ],
  };
}
