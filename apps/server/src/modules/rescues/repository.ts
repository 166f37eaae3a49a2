import type { Rescue } from '@boai/contracts';
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { trainingCertificates } from '../training/index.ts';
import { rescues } from './schema.ts';

export type RescueRow = typeof rescues.$inferSelect;

const minute = (d: Date) => d.toISOString();

/** Rows as staff see them: the rescuer's phone masked, society and certificate by name and number. */
export async function presentRescues(q: Queryable, pii: PiiVault, rows: RescueRow[]): Promise<Rescue[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const certIds = [...new Set(rows.map((r) => r.certificateId))];
  const numbers = new Map(
    certIds.length
      ? (
          await q
            .select({ id: trainingCertificates.id, number: trainingCertificates.number })
            .from(trainingCertificates)
            .where(inArray(trainingCertificates.id, certIds))
        ).map((c) => [c.id, c.number])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    certificateId: r.certificateId,
    certificateNumber: numbers.get(r.certificateId) ?? '',
    rescuerName: r.rescuerName,
    mobileMasked: r.mobileEnc ? maskMobile(pii.decrypt(r.mobileEnc)) : null,
    occurredAt: minute(r.occurredAt),
    place: r.place,
    actions: r.actions as Rescue['actions'],
    description: r.description,
    outcome: r.outcome as Rescue['outcome'],
    aedUsed: r.aedUsed,
    casualtyAgeBand: r.casualtyAgeBand as Rescue['casualtyAgeBand'],
    casualtySex: r.casualtySex as Rescue['casualtySex'],
    status: r.status as Rescue['status'],
    reviewNote: r.reviewNote,
    reviewedBy: r.reviewedBy,
    commendation: r.commendation,
    commendedAt: r.commendedAt ? minute(r.commendedAt) : null,
    reportedAt: minute(r.createdAt),
  }));
}
