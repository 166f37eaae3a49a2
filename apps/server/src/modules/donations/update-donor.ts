import type { Donor } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { auditDonor, presentDonors, unsafeFindDonor } from './repository.ts';
import { donors } from './schema.ts';

export interface UpdateDonorInput {
  name?: string;
  mobile?: string | null;
  contact?: string | null;
  nameConsent?: boolean;
}

/** Corrects a donor's details. An anonymous donor keeps the name 爱心人士; consent applies to persons. */
export async function updateDonor(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: UpdateDonorInput,
): Promise<Donor> {
  await requireAccess(tx, actor, 'donations:manage', donors, donors.id, donors.orgId, [id]);
  const before = (await unsafeFindDonor(tx, id))!;
  const changes: Partial<typeof donors.$inferInsert> = {};
  if (input.name !== undefined && before.kind !== 'anonymous') changes.name = input.name;
  if (input.nameConsent !== undefined && before.kind === 'person') changes.nameConsent = input.nameConsent;
  if (input.contact !== undefined && before.kind === 'enterprise') changes.contact = input.contact;
  if (input.mobile !== undefined) {
    changes.mobileEnc = input.mobile ? pii.encrypt(input.mobile) : null;
    changes.mobileHash = input.mobile ? pii.lookupHash('mobile', input.mobile) : null;
  }
  const [after] = Object.keys(changes).length
    ? await tx.update(donors).set(changes).where(eq(donors.id, id)).returning()
    : [before];
  await recordAudit(tx, actor, {
    action: 'donors.update',
    orgId: before.orgId,
    entityType: 'donor',
    entityId: id,
    before: auditDonor(before),
    after: auditDonor(after!),
  });
  return (await presentDonors(tx, pii, [after!]))[0]!;
}
