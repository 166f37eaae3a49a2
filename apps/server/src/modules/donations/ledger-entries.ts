import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../../platform/audit/schema.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { refIds, type LedgerEntryBuilder, type LedgerEntryObject } from '../../platform/ledger/index.ts';
import { donors, giftItems, gifts, receipts } from './schema.ts';

/**
 * The donations module's public events in the transparency log. Only facts that never change after
 * the event go in (the verifier rebuilds every entry from these rows and reports any difference):
 * the donor appears by kind only, because a donor's name and consent can be corrected later — the
 * public name as published is in the disclosure batch's entry, copied from its immutable line.
 */

const giftReceived: LedgerEntryBuilder = {
  kind: 'gift.received',
  async build(q, refs) {
    const ids = refIds(refs, 'gift');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const rows = await q
      .select({ g: gifts, donorKind: donors.kind })
      .from(gifts)
      .innerJoin(donors, eq(donors.id, gifts.donorId))
      .where(inArray(gifts.id, ids));
    const goodsIds = rows.filter((r) => r.g.form === 'goods').map((r) => r.g.id);
    const items = goodsIds.length
      ? await q
          .select()
          .from(giftItems)
          .where(inArray(giftItems.giftId, goodsIds))
          .orderBy(giftItems.giftId, giftItems.lineNo)
      : [];
    for (const { g, donorKind } of rows) {
      const entry: LedgerEntryObject = {
        v: 1,
        kind: 'gift.received',
        org: g.orgId,
        ref: `gift:${g.id}`,
        at: g.createdAt.toISOString(),
        form: g.form,
        channel: g.channel,
        amountFen: g.amountFen,
        receivedOn: g.receivedOn,
        appeal: g.appealId,
        purpose: g.purpose,
        donorKind,
        // as the public saw the donor when the gift was recorded (masked unless they consented)
        donor: g.donorPublicName,
      };
      if (g.form === 'goods') {
        entry.items = items
          .filter((i) => i.giftId === g.id)
          .map((i) => ({
            name: i.name,
            spec: i.spec,
            unit: i.unit,
            quantity: i.quantity,
            unitValueFen: i.unitValueFen,
            valueFen: i.valueFen,
            valuationBasis: i.valuationBasis,
          }));
      }
      out.set(entry.ref, entry);
    }
    return out;
  },
};

async function receiptEntries(
  q: Queryable,
  refs: readonly string[],
  kind: 'receipt.issued' | 'receipt.voided',
): Promise<Map<string, LedgerEntryObject>> {
  const ids = refIds(refs, 'receipt');
  const out = new Map<string, LedgerEntryObject>();
  if (!ids.length) return out;
  const replaced = alias(receipts, 'replaced');
  const rows = await q
    .select({ r: receipts, replacesNumber: replaced.number })
    .from(receipts)
    .leftJoin(replaced, eq(replaced.id, receipts.replacesId))
    .where(inArray(receipts.id, ids));
  for (const { r, replacesNumber } of rows) {
    const at = kind === 'receipt.issued' ? r.issuedAt : r.voidedAt;
    // A receipt.voided event for a receipt that is not voided cannot be built: it stays in the outbox.
    if (!at) continue;
    const entry: LedgerEntryObject = {
      v: 1,
      kind,
      org: r.orgId,
      ref: `receipt:${r.id}`,
      at: at.toISOString(),
      number: r.number,
      gift: `gift:${r.giftId}`,
      amountFen: r.amountFen,
    };
    if (kind === 'receipt.issued') entry.replaces = replacesNumber;
    out.set(entry.ref, entry);
  }
  return out;
}

/**
 * A cancelled gift has no cancellation time of its own: the moment is the audit entry written in the
 * cancelling transaction (append-only, so it cannot move either).
 */
const giftCancelled: LedgerEntryBuilder = {
  kind: 'gift.cancelled',
  async build(q, refs) {
    const ids = refIds(refs, 'gift');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const rows = await q
      .select({ id: gifts.id, orgId: gifts.orgId, amountFen: gifts.amountFen, at: auditLog.at })
      .from(gifts)
      .innerJoin(
        auditLog,
        and(
          eq(auditLog.entityType, 'gift'),
          sql`${auditLog.entityId} = ${gifts.id}::text`,
          eq(auditLog.action, 'gifts.cancel'),
        ),
      )
      .where(and(inArray(gifts.id, ids), eq(gifts.status, 'cancelled')));
    for (const r of rows) {
      out.set(`gift:${r.id}`, {
        v: 1,
        kind: 'gift.cancelled',
        org: r.orgId,
        ref: `gift:${r.id}`,
        at: r.at.toISOString(),
        amountFen: r.amountFen,
      });
    }
    return out;
  },
};

export const donationLedgerEntries: LedgerEntryBuilder[] = [
  giftReceived,
  { kind: 'receipt.issued', build: (q, refs) => receiptEntries(q, refs, 'receipt.issued') },
  { kind: 'receipt.voided', build: (q, refs) => receiptEntries(q, refs, 'receipt.voided') },
  giftCancelled,
];
