import type { AedMapConfig } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import { aedDevices } from './schema.ts';

/**
 * What the public map needs before the first search: the tiles (from configuration) and, for people
 * who refuse to share their location, places to pick — each society with in-service devices, at the
 * centre of its devices.
 */
export async function aedMapConfig(q: Queryable, config: Config): Promise<AedMapConfig> {
  const t = aedDevices;
  const areas = await q
    .select({
      orgId: t.orgId,
      lat: sql<number>`(avg(${t.latE6}) / 1e6)::float8`,
      lng: sql<number>`(avg(${t.lngE6}) / 1e6)::float8`,
      devices: sql<number>`count(*)::int`,
    })
    .from(t)
    .where(sql`${t.status} = 'in_service'`)
    .groupBy(t.orgId)
    .orderBy(sql`count(*) desc`)
    .limit(200);
  const names = await orgNamesById(
    q,
    areas.map((a) => a.orgId),
  );
  return {
    tileUrl: config.mapTileUrl,
    tileSubdomains: '1234',
    tileCoords: config.mapTileCoords,
    attribution: config.mapTileCoords === 'gcj02' ? '© 高德地图' : '© OpenStreetMap contributors',
    areas: areas.map((a) => ({
      orgId: a.orgId,
      name: names.get(a.orgId) ?? '',
      lat: Number(a.lat),
      lng: Number(a.lng),
      devices: a.devices,
    })),
  };
}
