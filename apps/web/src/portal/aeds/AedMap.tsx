import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { gcj02ToWgs84, wgs84ToGcj02, type AedMapConfig, type LatLng, type PublicAed } from '@boai/contracts';
import styles from './nearestAeds.module.css';

/**
 * The Leaflet map of the nearest devices. Points are stored and searched in WGS-84; on GCJ-02 tiles
 * (AMap, Tencent) every marker is shifted for display and a tap is shifted back before searching.
 * Tiles that cannot load leave a grey map — the list below the map never depends on it.
 */
export function AedMap({
  config,
  me,
  devices,
  onPick,
  onTilesFailed,
}: {
  config: AedMapConfig;
  me: LatLng | null;
  devices: PublicAed[];
  onPick: (p: LatLng) => void;
  onTilesFailed: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  const failed = useRef(onTilesFailed);
  useEffect(() => {
    pick.current = onPick;
    failed.current = onTilesFailed;
  });
  const [ready, setReady] = useState(false);
  const show = (p: LatLng): L.LatLngTuple => {
    const q = config.tileCoords === 'gcj02' ? wgs84ToGcj02(p) : p;
    return [q.lat, q.lng];
  };

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: true, attributionControl: true }).setView(
      config.areas[0] ? [config.areas[0].lat, config.areas[0].lng] : [31.57, 120.3],
      13,
    );
    let loaded = 0;
    let errors = 0;
    L.tileLayer(config.tileUrl, {
      subdomains: config.tileSubdomains,
      maxZoom: 18,
      attribution: config.attribution,
    })
      .on('tileload', () => loaded++)
      .on('tileerror', () => {
        errors++;
        if (errors === 3 && loaded === 0) failed.current();
      })
      .addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => {
      const tapped = { lat: e.latlng.lat, lng: e.latlng.lng };
      pick.current(config.tileCoords === 'gcj02' ? gcj02ToWgs84(tapped) : tapped);
    });
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    setReady(true);
    return () => {
      m.remove();
      map.current = null;
    };
  }, [config]);

  useEffect(() => {
    const m = map.current;
    const g = layer.current;
    if (!ready || !m || !g) return;
    g.clearLayers();
    const points: L.LatLngTuple[] = [];
    devices.forEach((d, i) => {
      const at = show(d);
      points.push(at);
      // The list's rank inside the marker, so the map and the list point at the same device.
      const icon = L.divIcon({
        className: '',
        iconSize: [24, 24],
        html: `<div style="width:24px;height:24px;border-radius:50%;background:#d9001b;color:#fff;border:2px solid #fff;box-sizing:border-box;font:600 12px/20px sans-serif;text-align:center;box-shadow:0 1px 3px rgba(0,0,0,.4)">${i + 1}</div>`,
      });
      L.marker(at, { icon, title: d.venueName }).addTo(g);
    });
    if (me) {
      const at = show(me);
      points.push(at);
      L.circleMarker(at, { radius: 8, color: '#fff', weight: 3, fillColor: '#1677ff', fillOpacity: 1 }).addTo(
        g,
      );
    }
    if (points.length) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, devices, me]);

  return <div ref={box} className={styles.map} data-testid="aed-map" />;
}
