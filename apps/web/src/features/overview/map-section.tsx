import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { LocalMap } from '@lykt/shared';
import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { MapPoint } from './map-canvas';

// MapLibre (about 250 kB gzipped) loads only here, and only when a tile source is set.
const MapCanvas = lazy(() => import('./map-canvas'));

type Row = { id: string; kind: 'site' | 'service'; name: string; category: string; latitude: number | null; longitude: number | null };

/**
 * The map of sites and services, with a table that is always there and says everything the map
 * shows. Without a tile source, or when the map cannot be drawn, the table stands alone.
 */
export function MapSection({ map }: { map: LocalMap }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const [hidden, setHidden] = useState(false);
  const rows: Row[] = useMemo(
    () => [
      ...map.sites.map((site) => ({ id: site.id, kind: 'site' as const, name: site.name, category: t(`overview.isic.${site.isicSection}`), latitude: site.latitude, longitude: site.longitude })),
      ...map.services.map((service) => ({ id: service.id, kind: 'service' as const, name: service.name, category: t(`overview.serviceKinds.${service.kind}`), latitude: service.latitude, longitude: service.longitude })),
    ],
    [map, t],
  );
  const points: MapPoint[] = useMemo(
    () => [
      ...map.sites.flatMap((site) =>
        site.latitude === null || site.longitude === null
          ? []
          : [{ id: site.id, kind: 'site' as const, latitude: site.latitude, longitude: site.longitude, riskLevel: site.riskLevel, details: '', label: t('overview.map.markerSite', { name: site.name, risk: t(`overview.riskLevels.${site.riskLevel}`) }) }],
      ),
      ...map.services.flatMap((service) =>
        service.latitude === null || service.longitude === null
          ? []
          : [
              {
                id: service.id,
                kind: 'service' as const,
                latitude: service.latitude,
                longitude: service.longitude,
                label: t('overview.map.markerService', { name: service.name, kind: t(`overview.serviceKinds.${service.kind}`) }),
                details: [service.capacity === null ? '' : `${service.capacity} ${service.capacityUnit}`, service.organisationName ?? '', service.description].filter(Boolean).join(' · '),
              },
            ],
      ),
    ],
    [map, t],
  );
  const degrees = (value: number) => formatNumber(value, i18n.language, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const withoutPosition = rows.filter((row) => row.latitude === null).length;
  const source = map.tileSource;

  return (
    <section aria-labelledby="map-heading" className="page-section">
      <Heading level={2} data-size="sm" id="map-heading">
        {t('overview.map.heading')}
      </Heading>
      <Paragraph>{t('overview.map.intro')}</Paragraph>
      {source === null ? (
        <Alert data-color="info" data-testid="map-fallback">
          {t('overview.map.noTiles')}
        </Alert>
      ) : failed ? (
        <Alert data-color="warning" data-testid="map-fallback" role="status">
          {t('overview.map.failed')}
        </Alert>
      ) : (
        <>
          <Button variant="secondary" data-size="sm" aria-expanded={!hidden} aria-controls="situation-map-area" onClick={() => setHidden(!hidden)}>
            {hidden ? t('overview.map.showMap') : t('overview.map.hideMap')}
          </Button>
          <div id="situation-map-area" hidden={hidden}>
            {hidden ? null : (
              <Suspense fallback={<Paragraph>{t('overview.map.loading')}</Paragraph>}>
                <MapCanvas source={source} points={points} onFailure={() => setFailed(true)} onOpenSite={(siteId) => void navigate({ to: '/overview/sites/$siteId', params: { siteId } })} />
              </Suspense>
            )}
          </div>
        </>
      )}
      {withoutPosition > 0 ? <Paragraph data-size="sm">{t('overview.map.withoutPosition', { count: withoutPosition })}</Paragraph> : null}
      {rows.length === 0 ? <Paragraph>{t('overview.empty')}</Paragraph> : null}
      <div className="table-wrapper" hidden={rows.length === 0}>
        <Table zebra border data-testid="map-table">
          <caption>{t('overview.map.tableCaption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('overview.map.columns.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('overview.map.columns.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('overview.map.columns.category')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('overview.map.columns.latitude')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('overview.map.columns.longitude')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.kind}-${row.id}`}>
                <TableHeaderCell scope="row">
                  {row.kind === 'site' ? (
                    <DsLink asChild>
                      <Link to="/overview/sites/$siteId" params={{ siteId: row.id }}>
                        {row.name}
                      </Link>
                    </DsLink>
                  ) : (
                    row.name
                  )}
                </TableHeaderCell>
                <TableCell>{row.kind === 'site' ? t('overview.map.site') : t('overview.map.service')}</TableCell>
                <TableCell>{row.category}</TableCell>
                {row.latitude === null || row.longitude === null ? (
                  <TableCell colSpan={2}>{t('overview.map.noPosition')}</TableCell>
                ) : (
                  <>
                    <TableCell>{degrees(row.latitude)}</TableCell>
                    <TableCell>{degrees(row.longitude)}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
