import type { CreateDonorInput, GiftImportRow, GiftImportSource } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { recordGift, registerDonor } from '../donations/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { channelOf, markDuplicates, type StoredRows } from './repository.ts';
import { giftImports } from './schema.ts';

export interface CommitOutcome {
  id: number;
  /** The gifts this commit recorded: their receipts are numbered once the transaction commits. */
  giftIds: number[];
  alreadyCommitted: boolean;
}

/**
 * Turns a preview's valid rows into gifts, all in the caller's one transaction: either the whole
 * statement is recorded or none of it. The import row is locked first, so two clerks pressing
 * 确认导入 at once (or a retry) commit it once; a second commit changes nothing. A row whose external
 * reference is already recorded — imported before by this or an overlapping file — is skipped, and
 * checked again here because another import may have recorded it since the preview.
 */
export async function commitImport(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<CommitOutcome> {
  await requireAccess(tx, actor, 'donations:manage', giftImports, giftImports.id, giftImports.orgId, [id]);
  const [row] = await tx.select().from(giftImports).where(eq(giftImports.id, id)).for('update');
  if (row!.status === 'committed') return { id, giftIds: [], alreadyCommitted: true };
  await requireWritableOrg(tx, actor, 'donations:manage', row!.orgId);

  const source = row!.source as GiftImportSource;
  const channel = channelOf(source);
  const stored = row!.rows as StoredRows;
  const rows = await markDuplicates(tx, row!.orgId, channel, stored.items);
  const donorFor = donorFinder(tx, pii, actor, row!.orgId);
  const giftIds: number[] = [];
  for (const r of rows) {
    if (r.duplicate) continue;
    const { gift, duplicate } = await recordGift(
      tx,
      actor,
      {
        orgId: row!.orgId,
        donorId: await donorFor(r),
        channel,
        amountFen: r.amountFen,
        receivedOn: r.receivedOn,
        appealId: stored.appealId,
        externalRef: r.externalRef,
        importId: row!.id,
        note: noteOf(source, r),
      },
      now,
    );
    // Recorded by a concurrent import of an overlapping file after the check above.
    if (duplicate) r.duplicate = true;
    else giftIds.push(gift.id);
  }

  const duplicates = rows.filter((r) => r.duplicate).length;
  await tx
    .update(giftImports)
    .set({
      status: 'committed',
      createdGifts: giftIds.length,
      skippedDuplicates: duplicates,
      rows: { ...stored, items: rows },
      committedAt: now,
    })
    .where(eq(giftImports.id, id));
  await recordAudit(tx, actor, {
    action: 'gift_imports.commit',
    orgId: row!.orgId,
    entityType: 'gift_import',
    entityId: id,
    before: { status: 'previewed' },
    after: {
      status: 'committed',
      createdGifts: giftIds.length,
      skippedDuplicates: duplicates,
      createdFen: rows.reduce((sum, r) => sum + (r.duplicate ? 0 : r.amountFen), 0),
      errorRows: row!.errorRows,
    },
  });
  return { id, giftIds, alreadyCommitted: false };
}

/**
 * Donors of a statement. Payers are found again only by 身份证 / 信用代码 / mobile, which a statement
 * does not carry, so within one file the same name is one donor (a person paying monthly is one
 * donor, not twelve); platform nicknames and blank payers are one anonymous donor (爱心人士).
 */
function donorFinder(tx: Tx, pii: PiiVault, actor: Actor, orgId: number) {
  const known = new Map<string, number>();
  return async (r: GiftImportRow): Promise<number> => {
    const key = r.donorKind === 'anonymous' ? 'anonymous' : `${r.donorKind}:${r.payer}`;
    let id = known.get(key);
    if (id === undefined) {
      const input: CreateDonorInput =
        r.donorKind === 'anonymous'
          ? { kind: 'anonymous', orgId }
          : r.donorKind === 'enterprise'
            ? { kind: 'enterprise', orgId, name: r.payer }
            : { kind: 'person', orgId, name: r.payer, nameConsent: false };
      id = (await registerDonor(tx, pii, actor, input)).donor.id;
      known.set(key, id);
    }
    return id;
  };
}

/** What the statement said about the gift, kept on it for staff (never shown to the public). */
function noteOf(source: GiftImportSource, r: GiftImportRow): string | null {
  const parts =
    source === 'bank'
      ? [
          r.memo && `摘要：${r.memo}`,
          r.account && `对方账号：${r.account}`,
          r.reference && `流水号：${r.reference}`,
        ]
      : [
          r.donorKind === 'anonymous' && r.payer && `平台昵称：${r.payer}`,
          r.project && `项目：${r.project}`,
          r.memo && `留言：${r.memo}`,
          r.reference && `订单号：${r.reference}`,
        ];
  const note = parts.filter(Boolean).join('；');
  return note || null;
}
