import { Heading, List, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { DocBlockView, DocumentView } from '@lykt/shared';
import { ChartFigure } from '../../components/chart-figure';

/** Heading levels in the page: the page's h1 is the report title, so a level-1 block is an h2. */
const headingLevel = (level: 1 | 2 | 3) => (level + 1) as 2 | 3 | 4;
const headingSize = { 1: 'md', 2: 'sm', 3: 'xs' } as const;

function Block({ block }: { block: DocBlockView }) {
  switch (block.type) {
    case 'heading':
      return (
        <Heading level={headingLevel(block.level)} data-size={headingSize[block.level]}>
          {block.text}
        </Heading>
      );
    case 'paragraph':
      return <Paragraph>{block.text}</Paragraph>;
    case 'list':
      return block.ordered ? (
        <List.Ordered>
          {block.items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List.Ordered>
      ) : (
        <List.Unordered>
          {block.items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List.Unordered>
      );
    case 'table':
      return (
        <div className="table-wrapper" tabIndex={0} role="region" aria-label={block.caption}>
          <Table border data-size="sm">
            <caption>{block.caption}</caption>
            <TableHead>
              <TableRow>
                {block.headers.map((header, index) => (
                  <TableHeaderCell key={index} scope="col">
                    {header}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {block.rows.map((row, rowIndex) => (
                <TableRow key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    <TableCell key={cellIndex}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {block.note ? <Paragraph data-size="sm">{block.note}</Paragraph> : null}
        </div>
      );
    case 'chart':
      return <ChartFigure definition={block.chart} beside />;
    case 'keyValue':
      return (
        <dl className="report-kv">
          {block.items.map((item, index) => (
            <div key={index}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'pageBreak':
      return null;
  }
}

/** A server document (the same model as the PDF and DOCX) as accessible HTML. */
export function DocumentBody({ document }: { document: DocumentView }) {
  return (
    <div className="report-document" lang={document.lang}>
      {document.subtitle ? <Paragraph data-size="lg">{document.subtitle}</Paragraph> : null}
      {document.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}
