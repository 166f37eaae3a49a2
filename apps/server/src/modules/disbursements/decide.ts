import type { Permission } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { DisbursementRow } from './repository.ts';
import { disbursements } from './schema.ts';

/**
 * The disbursement a decision is about, locked for the rest of the transaction: two decisions on the
 * same request (approve racing cancel) queue here, and the second sees the first's outcome.
 */
export async function lockDisbursement(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  id: number,
): Promise<DisbursementRow> {
  await requireAccess(tx, actor, permission, disbursements, disbursements.id, disbursements.orgId, [id]);
  const [row] = await tx.select().from(disbursements).where(eq(disbursements.id, id)).for('update');
  return row!;
}
