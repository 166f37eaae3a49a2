import type { CreateDonorInput, Donor } from '@boai/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { ANONYMOUS_NAME, auditDonor, presentDonors } from './repository.ts';
import { donors } from './schema.ts';

/**
 * Registers a donor at a society, or finds them again: a person by 身份证, an enterprise by
 * 统一社会信用代码, otherwise anyone by mobile (same kind). A transaction-scoped advisory lock on
 * the identity serialises concurrent entries of the same donor, so two clerks entering the same
 * person at once still produce one record.
 */
export async function registerDonor(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  input: CreateDonorInput,
): Promise<{ donor: Donor; existing: boolean }> {
  await requireWritableOrg(tx, actor, 'donations:manage', input.orgId);

  const idCard = input.kind === 'person' ? (input.idCard ?? null) : null;
  const uscc = input.kind === 'enterprise' ? (input.uscc ?? null) : null;
  const mobile = input.mobile ?? null;
  const idCardHash = idCard ? pii.lookupHash('idCard', idCard) : null;
  const mobileHash = mobile ? pii.lookupHash('mobile', mobile) : null;

  const identity: { key: string; where: SQL } | null = idCardHash
    ? { key: `id:${idCardHash}`, where: eq(donors.idCardHash, idCardHash) }
    : uscc
      ? { key: `uscc:${uscc}`, where: eq(donors.uscc, uscc) }
      : mobileHash
        ? {
            key: `m:${input.kind}:${mobileHash}`,
            where: and(eq(donors.mobileHash, mobileHash), eq(donors.kind, input.kind))!,
          }
        : null;
  if (identity) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`donor:${input.orgId}:${identity.key}`}, 0))`,
    );
    const [found] = await tx
      .select()
      .from(donors)
      .where(and(eq(donors.orgId, input.orgId), identity.where))
      .orderBy(donors.id)
      .limit(1);
    if (found) return { donor: (await presentDonors(tx, pii, [found]))[0]!, existing: true };
  }

  const [row] = await tx
    .insert(donors)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      name: input.kind === 'anonymous' ? ANONYMOUS_NAME : input.name,
      nameConsent: input.kind === 'person' ? input.nameConsent : input.kind === 'enterprise',
      idCardEnc: idCard ? pii.encrypt(idCard) : null,
      idCardHash,
      mobileEnc: mobile ? pii.encrypt(mobile) : null,
      mobileHash,
      uscc,
      contact: input.kind === 'enterprise' ? (input.contact ?? null) : null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'donors.create',
    orgId: row!.orgId,
    entityType: 'donor',
    entityId: row!.id,
    after: auditDonor(row!),
  });
  return { donor: (await presentDonors(tx, pii, [row!]))[0]!, existing: false };
}
