import {
  shanghaiDate,
  type Aed,
  type AedStatus,
  type AedVenueType,
  type ListAedsQuery,
  addDays,
} from '@boai/contracts';
import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { aedDevices, aedInspections } from './schema.ts';

export type AedRow = typeof aedDevices.$inferSelect;

/** Degrees ↔ the stored integer micro-degrees. */
export const toE6 = (deg: number) => Math.round(deg * 1e6);
export const fromE6 = (e6: number) => e6 / 1e6;

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The earlier of a device's two expiry dates: what needs doing next. */
export const nextDue = (r: Pick<AedRow, 'batteryExpiresOn' | 'padsExpiresOn'>) =>
  r.batteryExpiresOn < r.padsExpiresOn ? r.batteryExpiresOn : r.padsExpiresOn;

/**
 * Battery or pads expiring on or before `until`. A device taken out of service (停用) needs no
 * consumables, so it is never due; one under repair still is.
 */
export const dueBy = (until: string): SQL =>
  and(
    sql`${aedDevices.status} <> 'out_of_service'`,
    or(sql`${aedDevices.batteryExpiresOn} <= ${until}`, sql`${aedDevices.padsExpiresOn} <= ${until}`),
  )!;

/** The staff list's filters over devices the actor may read. */
export function aedFilter(
  actor: Actor,
  query: Omit<ListAedsQuery, 'page' | 'pageSize'>,
  now = new Date(),
): SQL {
  const t = aedDevices;
  const today = shanghaiDate(now);
  return and(
    inScope(actor, 'training:read', t.orgId),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    query.venueType ? eq(t.venueType, query.venueType) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
    query.due === 'overdue' ? dueBy(addDays(today, -1)) : undefined,
    query.due === 'due' ? dueBy(addDays(today, query.withinDays)) : undefined,
    query.q
      ? or(
          ilike(t.serial, containsPattern(query.q)),
          ilike(t.venueName, containsPattern(query.q)),
          ilike(t.address, containsPattern(query.q)),
        )
      : undefined,
  )!;
}

/** Device rows as the console shows them: society names and last inspection in two queries per page. */
export async function presentAeds(
  q: Queryable,
  pii: PiiVault,
  rows: AedRow[],
  now = new Date(),
): Promise<Aed[]> {
  if (!rows.length) return [];
  const today = shanghaiDate(now);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const last = new Map(
    (
      await q
        .select({ id: aedInspections.deviceId, on: sql<string>`max(${aedInspections.inspectedOn})::text` })
        .from(aedInspections)
        .where(
          inArray(
            aedInspections.deviceId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(aedInspections.deviceId)
    ).map((r) => [r.id, r.on]),
  );
  return rows.map((r) => {
    const due = nextDue(r);
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      serial: r.serial,
      model: r.model,
      venueType: r.venueType as AedVenueType,
      venueName: r.venueName,
      address: r.address,
      lat: fromE6(r.latE6),
      lng: fromE6(r.lngE6),
      ownerUnit: r.ownerUnit,
      responsibleName: r.responsibleName,
      responsibleMobileMasked: maskMobile(pii.decrypt(r.responsibleMobileEnc)),
      installedOn: r.installedOn,
      batteryExpiresOn: r.batteryExpiresOn,
      padsExpiresOn: r.padsExpiresOn,
      status: r.status as AedStatus,
      lastInspectedOn: last.get(r.id) ?? null,
      nextDueOn: due,
      overdue: r.status !== 'out_of_service' && due < today,
    };
  });
}
