import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { chartTable, layoutChart, type ChartDefinition, type ChartShape } from '@lykt/shared';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import './chart-figure.css';
import { formatNumber } from '../lib/format';

interface ChartFigureProps {
  definition: ChartDefinition;
  /** Layout size of the drawing (it scales to the column width). */
  width?: number;
  height?: number;
  /** Put the table beside the chart on wide screens instead of below it. */
  beside?: boolean;
}

function Shape({ shape }: { shape: ChartShape }) {
  switch (shape.kind) {
    case 'rect':
      return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} fill={shape.fill} />;
    case 'line':
      return <line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} stroke={shape.stroke} strokeWidth={shape.strokeWidth} strokeDasharray={shape.dash} />;
    case 'polyline':
      return <polyline points={shape.points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke={shape.stroke} strokeWidth={shape.strokeWidth} strokeLinejoin="round" />;
    case 'circle':
      return <circle cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill} stroke={shape.stroke} strokeWidth={2} />;
    case 'text':
      return (
        <text x={shape.x} y={shape.y} textAnchor={shape.anchor} fontSize={shape.size} fontWeight={shape.weight} fill={shape.fill} transform={shape.rotate ? `rotate(${shape.rotate} ${shape.x} ${shape.y})` : undefined}>
          {shape.text}
        </text>
      );
  }
}

/**
 * A chart from the shared ChartDefinition: a captioned <figure> with the accessible SVG (the same
 * layout the server draws into PDF and DOCX) and its data table, which carries every value as text.
 */
export function ChartFigure({ definition, width = 640, height = 280, beside = false }: ChartFigureProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const format = useMemo(() => {
    return (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 1 });
  }, [i18n.language]);
  const layout = useMemo(() => layoutChart(definition, { width, height, formatNumber: format }), [definition, width, height, format]);
  const table = useMemo(() => chartTable(definition, format), [definition, format]);
  const captionId = `${id}-caption`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const [categoryHeader, ...seriesHeaders] = table.headers;

  return (
    <figure className={beside ? 'chart-figure chart-figure--beside' : 'chart-figure'} aria-labelledby={captionId} data-chart={definition.id}>
      <figcaption id={captionId}>{definition.title}</figcaption>
      <svg
        className="chart-figure__svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={layout.description ? descId : undefined}
        fontFamily="Inter, system-ui, sans-serif"
      >
        <title id={titleId}>{definition.title}</title>
        {layout.description ? <desc id={descId}>{layout.description}</desc> : null}
        {layout.shapes.map((shape, index) => (
          <Shape key={index} shape={shape} />
        ))}
      </svg>
      {/* The table may scroll sideways on a narrow screen: the region takes focus so a keyboard can scroll it. */}
      <div className="table-wrapper" tabIndex={0} role="region" aria-label={t('reports.chart.tableCaption', { title: definition.title })}>
        <Table border data-size="sm">
          <caption>{t('reports.chart.tableCaption', { title: definition.title })}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{categoryHeader}</TableHeaderCell>
              {seriesHeaders.map((header, index) => (
                <TableHeaderCell key={index} scope="col">
                  {header}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map(([category, ...cells], rowIndex) => (
              <TableRow key={rowIndex}>
                <TableHeaderCell scope="row">{category}</TableHeaderCell>
                {cells.map((cell, cellIndex) => (
                  <TableCell key={cellIndex}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {table.note ? <p className="chart-figure__note">{table.note}</p> : null}
    </figure>
  );
}
