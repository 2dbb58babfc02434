/** The CSP build of MapLibre GL JS: the same API, with its worker loaded from a file on this host (no blob: workers). */
declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
  import maplibregl from 'maplibre-gl';
  export default maplibregl;
}
