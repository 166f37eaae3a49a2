import { shanghaiDate, type PublicRescue } from '@boai/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { certificateOfHolder, trainingCertificates } from '../training/index.ts';
import { rescues } from './schema.ts';

/**
 * The verified rescues a certificate's holder is credited with, for the public certificate check:
 * behind the same number-plus-name gate as the check itself, and without the place or the description
 * (they could identify the person helped). A renewed certificate keeps its holder's record: the
 * cases reported under any of the same person's certificates (same 身份证) are theirs.
 */
export async function holderRescues(
  q: Queryable,
  number: string,
  name: string,
  ip: string,
): Promise<PublicRescue[]> {
  const cert = await certificateOfHolder(q, number, name, ip);
  if (!cert) throw notFound();
  const rows = await q
    .select()
    .from(rescues)
    .where(
      and(
        cert.idCardHash
          ? inArray(
              rescues.certificateId,
              q
                .select({ id: trainingCertificates.id })
                .from(trainingCertificates)
                .where(eq(trainingCertificates.idCardHash, cert.idCardHash)),
            )
          : eq(rescues.certificateId, cert.id),
        eq(rescues.status, 'verified'),
      ),
    )
    .orderBy(desc(rescues.occurredAt));
  return rows.map((r) => ({
    occurredOn: shanghaiDate(r.occurredAt),
    actions: r.actions as PublicRescue['actions'],
    outcome: r.outcome as PublicRescue['outcome'],
    aedUsed: r.aedUsed,
    commendation: r.commendation,
  }));
}
