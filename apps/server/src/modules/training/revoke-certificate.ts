import type { Certificate } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentCertificates } from './repository.ts';
import { trainingCertificates } from './schema.ts';

/**
 * Revokes a certificate (issued in error, obtained by fraud …) with the reason; public verification
 * shows it as revoked from this commit on. A superseded certificate is revoked by revoking its
 * successor — the one that verifies.
 */
export async function revokeCertificate(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  reason: string,
  now = new Date(),
): Promise<Certificate> {
  const c = trainingCertificates;
  await requireAccess(tx, actor, 'training:manage', c, c.id, c.orgId, [id]);
  const [before] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  if (before!.status === 'revoked') throw conflict('TRAINING_CERTIFICATE_REVOKED');
  if (before!.status === 'superseded') throw conflict('TRAINING_CERTIFICATE_SUPERSEDED');
  const [row] = await tx
    .update(c)
    .set({ status: 'revoked', revokedReason: reason, revokedAt: now })
    .where(eq(c.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.certificate_revoke',
    orgId: row!.orgId,
    entityType: 'training_certificate',
    entityId: id,
    before: { status: before!.status },
    after: { status: 'revoked', reason },
  });
  return (await presentCertificates(tx, pii, [row!], now))[0]!;
}
