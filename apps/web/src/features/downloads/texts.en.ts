import type { downloadsNb } from './texts.nb';

/** English texts of background downloads. */
export const downloadsEn: typeof downloadsNb = {
  title: 'My downloads',
  intro: 'Large files are made in the background. You can leave the page and carry on with other work: the file stays here for {{hours}} hours after it is ready, encrypted, and only you can fetch it. Then it is deleted.',
  empty: 'You have no downloads now.',
  asked: 'Requested. You can leave the page; the file will be under "My downloads" when it is ready.',
  seeAll: 'My downloads',
  what: {
    report: 'Council report, version {{version}} ({{format}})',
    statistics: 'Statistics {{year}}, all tables ({{format}})',
  },
  steps: {
    queued: 'Waiting its turn',
    gathering: 'Gathering the data',
    rendering: 'Making the file',
    saving: 'Saving the file encrypted',
    ready: 'Ready',
  },
  failed: 'The file could not be made.',
  errors: {
    NOT_FOUND: 'What you asked for no longer exists.',
    FORBIDDEN: 'You no longer have access to this.',
    INTERRUPTED: 'The work was cut off. Ask for the file again.',
    PERIOD_OPEN: 'The period is not closed yet.',
    RENDER_LIMIT: 'The file grew too large to be made within the memory and time limits of the server. Ask your administrator to raise the limit.',
    RENDER_FAILED: 'The document maker stopped part way. Ask for the file again.',
    RENDER_BUSY: 'The server was making many documents when this file was due. Ask for the file again in a minute.',
  },
  statusLine: '{{what}}: {{step}}',
  progressLabel: 'Progress of {{what}}',
  download: 'Download {{file}}',
  remove: 'Remove',
  removeLabel: 'Remove {{what}}',
  askedAt: 'Requested {{when}}',
  expires: 'Deleted {{when}}',
  downloaded: 'Fetched {{when}}',
};
