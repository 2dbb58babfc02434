import { Heading } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '../lib/use-document-title';

interface PageHeadingProps {
  /** The page's one h1; also used for document.title unless `documentTitle` is given. */
  children: string;
  documentTitle?: string | undefined;
}

/** The page's h1. It takes focus after client-side navigation (see use-route-focus). */
export function PageHeading({ children, documentTitle }: PageHeadingProps) {
  useDocumentTitle(documentTitle ?? children);
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
