import { contentSourceReview, scanContent, type ContentScan } from '@lykt/content/sources';
import type { ContentSourceReview } from '@lykt/shared';

let scanCache: ContentScan | null = null;

/** The shipped content's sources with their review days; the content does not change while the server runs, so it is scanned once. */
export function findContentSourceReview(today: Date = new Date()): ContentSourceReview {
  scanCache ??= scanContent();
  return contentSourceReview(today, scanCache);
}
