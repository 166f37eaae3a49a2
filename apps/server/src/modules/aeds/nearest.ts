import { EARTH_MEAN_RADIUS_M, type LatLng, type PublicAed } from '@boai/contracts';
import { and, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import { aedDevices } from './schema.ts';

/** The first search radius; most points in a city hold ten devices within it. */
const FIRST_RADIUS_M = 2_000;
const GROWTH = 4;
/** Half the Earth's circumference: a circle this wide covers every point. */
const WHOLE_EARTH_M = Math.PI * EARTH_MEAN_RADIUS_M;

/**
 * The latitude/longitude box (micro-degrees) holding every point within `radiusM` of `p`.
 * Longitude uses the exact half-width of a spherical cap, asin(sin δ / cos φ); when the cap reaches
 * a pole, or the box would cross the antimeridian, it takes every longitude — never too narrow,
 * which is what keeps the search correct at its edge.
 */
export function boundingBox(p: LatLng, radiusM: number) {
  const delta = radiusM / EARTH_MEAN_RADIUS_M;
  const phi = (p.lat * Math.PI) / 180;
  const dLat = (delta * 180) / Math.PI;
  const minLat = p.lat - dLat;
  const maxLat = p.lat + dLat;
  let minLng = -180;
  let maxLng = 180;
  if (minLat > -90 && maxLat < 90 && delta < Math.PI / 2) {
    const dLng = (Math.asin(Math.min(1, Math.sin(delta) / Math.cos(phi))) * 180) / Math.PI;
    if (p.lng - dLng >= -180 && p.lng + dLng <= 180) {
      minLng = p.lng - dLng;
      maxLng = p.lng + dLng;
    }
  }
  // Widened by one micro-degree each way so rounding never drops a device on the box's edge.
  return {
    minLat: Math.max(-90_000_000, Math.floor(minLat * 1e6) - 1),
    maxLat: Math.min(90_000_000, Math.ceil(maxLat * 1e6) + 1),
    minLng: Math.max(-180_000_000, Math.floor(minLng * 1e6) - 1),
    maxLng: Math.min(180_000_000, Math.ceil(maxLng * 1e6) + 1),
  };
}

export interface NearestRow {
  id: number;
  orgId: number;
  venueType: string;
  venueName: string;
  address: string;
  latE6: number;
  lngE6: number;
  distance: number;
}

/**
 * The `limit` in-service devices nearest to `p`, by great-circle distance. Without PostGIS: search
 * a box on the (lat, lng) index and order its devices by haversine; the answer is final once the
 * box held `limit` devices and the farthest of them is within the box's radius (anything nearer is
 * then inside the box). Otherwise the radius grows fourfold and the search repeats — a handful of
 * index range scans even for a point in the desert.
 */
export async function nearestDevices(q: Queryable, p: LatLng, limit: number): Promise<NearestRow[]> {
  const t = aedDevices;
  const lat = sql`radians(${t.latE6}::float8 / 1e6)`;
  const lng = sql`radians(${t.lngE6}::float8 / 1e6)`;
  const pLat = (p.lat * Math.PI) / 180;
  const pLng = (p.lng * Math.PI) / 180;
  // The same haversine as haversineMeters in contracts, so the list and the page agree to the metre.
  const distance = sql<number>`(2 * ${EARTH_MEAN_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin((${lat} - ${pLat}::float8) / 2), 2) +
    cos(${pLat}::float8) * cos(${lat}) * power(sin((${lng} - ${pLng}::float8) / 2), 2)))))`;
  for (let radius = FIRST_RADIUS_M; ; radius *= GROWTH) {
    const box = boundingBox(p, radius);
    const rows = await q
      .select({
        id: t.id,
        orgId: t.orgId,
        venueType: t.venueType,
        venueName: t.venueName,
        address: t.address,
        latE6: t.latE6,
        lngE6: t.lngE6,
        distance,
      })
      .from(t)
      .where(
        and(
          sql`${t.status} = 'in_service'`,
          sql`${t.latE6} between ${box.minLat} and ${box.maxLat}`,
          sql`${t.lngE6} between ${box.minLng} and ${box.maxLng}`,
        ),
      )
      .orderBy(distance, t.id)
      .limit(limit);
    const whole = radius >= WHOLE_EARTH_M;
    if (whole || (rows.length === limit && rows[limit - 1]!.distance <= radius)) return rows;
  }
}

/** The public answer: where each device is and how far, never who looks after it. */
export async function nearestAeds(q: Queryable, point: LatLng, limit: number): Promise<PublicAed[]> {
  // A centimetre is precision enough, and rounding keeps denormal floats (1e-322) away from PostgreSQL.
  const p = { lat: Math.round(point.lat * 1e7) / 1e7, lng: Math.round(point.lng * 1e7) / 1e7 };
  const rows = await nearestDevices(q, p, limit);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    venueType: r.venueType as PublicAed['venueType'],
    venueName: r.venueName,
    address: r.address,
    lat: r.latE6 / 1e6,
    lng: r.lngE6 / 1e6,
    orgName: names.get(r.orgId) ?? '',
    distanceMeters: Math.round(r.distance),
  }));
}
