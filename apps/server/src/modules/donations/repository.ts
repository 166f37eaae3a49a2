import type { Donor, DonorKind } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { maskIdCard, maskMobile, maskName, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { donors } from './schema.ts';

export type DonorRow = typeof donors.$inferSelect;

export const ANONYMOUS_NAME = '爱心人士';

/**
 * The name the public sees (disclosure lists, honour roll): enterprises in full, persons masked
 * unless they consented, anonymous givers as 爱心人士. The one place this rule lives.
 */
export function publicDonorName(d: Pick<DonorRow, 'kind' | 'name' | 'nameConsent'>): string {
  if (d.kind === 'anonymous') return ANONYMOUS_NAME;
  if (d.kind === 'enterprise' || d.nameConsent) return d.name;
  return maskName(d.name);
}

export async function presentDonors(q: Queryable, pii: PiiVault, rows: DonorRow[]): Promise<Donor[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    kind: r.kind as DonorKind,
    name: r.name,
    publicName: publicDonorName(r),
    nameConsent: r.nameConsent,
    idCardMasked: r.idCardEnc ? maskIdCard(pii.decrypt(r.idCardEnc)) : null,
    mobileMasked: r.mobileEnc ? maskMobile(pii.decrypt(r.mobileEnc)) : null,
    uscc: r.uscc,
    contact: r.contact,
    createdAt: r.createdAt.toISOString(),
  }));
}

export const unsafeFindDonor = async (q: Queryable, id: number) =>
  (await q.select().from(donors).where(eq(donors.id, id)))[0];

/** What the audit trail keeps of a donor: never the ID number or mobile themselves. */
export const auditDonor = (d: DonorRow) => ({
  kind: d.kind,
  name: d.name,
  nameConsent: d.nameConsent,
  uscc: d.uscc,
  hasIdCard: d.idCardEnc !== null,
  hasMobile: d.mobileEnc !== null,
});
