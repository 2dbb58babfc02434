import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import type { LngLatLike, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { TileSource } from '@lykt/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// The worker comes from this host as a file, so the Content-Security-Policy needs no blob: workers.
maplibregl.setWorkerUrl(workerUrl);

/** How long the map waits for its first tile before the page shows the table alone. */
const NO_TILE_PATIENCE_MS = 8000;

/** One thing drawn on the map: a site (opens its page) or a service (shows its details). */
export type MapPoint = {
  id: string;
  kind: 'site' | 'service';
  latitude: number;
  longitude: number;
  /** The marker's accessible name, e.g. "Havnekroa (site, risk high)". */
  label: string;
  /** Shown in the service's popup. */
  details: string;
  riskLevel?: 'low' | 'medium' | 'high';
};

/** A raster style from the administrator's tile source: no fonts, sprites or other origins. */
function styleOf(source: TileSource): StyleSpecification {
  return {
    version: 8,
    sources: {
      base: { type: 'raster', tiles: [source.url], tileSize: 256, maxzoom: source.maxZoom, attribution: source.attribution },
    },
    layers: [{ id: 'base', type: 'raster', source: 'base' }],
  };
}

/**
 * The map itself (MapLibre GL JS, loaded only on this page). Markers are buttons in the page's tab
 * order with the entry's name; a site's opens its page. Any failure (no WebGL, tiles not loading)
 * is reported once, and the page shows its table alone.
 */
export default function MapCanvas({ source, points, onOpenSite, onFailure }: { source: TileSource; points: MapPoint[]; onOpenSite: (id: string) => void; onFailure: () => void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onOpenSite, onFailure });
  useEffect(() => {
    callbacks.current = { onOpenSite, onFailure };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: MapLibreMap;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      callbacks.current.onFailure();
    };
    try {
      map = new maplibregl.Map({
        container: element,
        style: styleOf(source),
        center: [10.75, 59.91],
        zoom: 4,
        maxZoom: source.maxZoom,
        attributionControl: { compact: false },
        // No MapLibre logo or feedback link to other sites.
        maplibreLogo: false,
        locale: {
          'NavigationControl.ZoomIn': t('overview.map.ui.zoomIn'),
          'NavigationControl.ZoomOut': t('overview.map.ui.zoomOut'),
          'NavigationControl.ResetBearing': t('overview.map.ui.resetBearing'),
          'AttributionControl.ToggleAttribution': t('overview.map.ui.toggleAttribution'),
          'AttributionControl.MapFeedback': t('overview.map.ui.mapFeedback'),
          'Popup.Close': t('overview.map.ui.closePopup'),
          'Map.Title': t('overview.map.ui.map'),
          'Marker.Title': t('overview.map.ui.marker'),
        },
      });
    } catch {
      fail();
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Tiles that cannot be loaded at all (server down, offline, refused): the table is what works.
    // Once a tile has come, a single missing one (e.g. outside the server's coverage) is no failure.
    let tileLoaded = false;
    map.on('data', (event) => {
      if (event.dataType === 'source' && 'tile' in event && event.tile) tileLoaded = true;
    });
    map.on('error', () => {
      if (!tileLoaded) fail();
    });
    // MapLibre drops a tile that answers 404 without an error, and a server that never answers
    // sends none either: a map with no tile once it is idle, or after a while, is no map.
    map.on('idle', () => {
      if (!tileLoaded) fail();
    });
    const patience = window.setTimeout(() => {
      if (!tileLoaded) fail();
    }, NO_TILE_PATIENCE_MS);

    for (const point of points) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `map-marker map-marker--${point.kind}${point.riskLevel ? ` map-marker--risk-${point.riskLevel}` : ''}`;
      button.setAttribute('aria-label', point.label);
      button.title = point.label;
      const marker = new maplibregl.Marker({ element: button, anchor: 'center' }).setLngLat([point.longitude, point.latitude]);
      if (point.kind === 'site') {
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          callbacks.current.onOpenSite(point.id);
        });
      } else {
        const content = document.createElement('div');
        const title = document.createElement('strong');
        title.textContent = point.label;
        const details = document.createElement('p');
        details.textContent = point.details;
        content.append(title, details);
        // Our own click handler (a button already answers Enter and Space with a click).
        const popup = new maplibregl.Popup({ offset: 14 }).setDOMContent(content);
        button.setAttribute('aria-haspopup', 'dialog');
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          if (popup.isOpen()) popup.remove();
          else popup.setLngLat([point.longitude, point.latitude]).addTo(map);
        });
      }
      marker.addTo(map);
    }

    const positions: LngLatLike[] = points.map((point) => [point.longitude, point.latitude]);
    if (positions.length > 0) {
      const bounds = new maplibregl.LngLatBounds(positions[0], positions[0]);
      for (const position of positions) bounds.extend(position);
      map.fitBounds(bounds, { padding: 48, maxZoom: Math.min(15, source.maxZoom), animate: false });
    }
    // Marks the map as drawn, for people (nothing) and for tests (the attribute).
    map.on('load', () => element.setAttribute('data-map-loaded', 'true'));
    return () => {
      window.clearTimeout(patience);
      map.remove();
    };
  }, [source, points, t]);

  return <div ref={container} className="situation-map" role="region" aria-label={t('overview.map.mapLabel')} data-testid="situation-map" />;
}
