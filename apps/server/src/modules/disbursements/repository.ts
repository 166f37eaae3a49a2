import type { Disbursement, DisbursementStatus, FundSource } from '@boai/contracts';
import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client.ts';
import { appeals, gifts, receipts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { disbursements } from './schema.ts';

export type DisbursementRow = typeof disbursements.$inferSelect;

export const sourceOf = (d: { appealId: number | null; giftId: number | null }): FundSource =>
  d.appealId ? 'appeal' : d.giftId ? 'gift' : 'general';

/** Disbursements as staff see them: society, source and recipient names joined in one query. */
export async function selectDisbursements(
  q: Queryable,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
): Promise<Disbursement[]> {
  const recipientOrg = alias(orgs, 'recipient_org');
  const query = q
    .select({
      d: disbursements,
      orgName: orgs.name,
      appealName: appeals.name,
      giftReceiptNo: receipts.number,
      recipientOrgName: recipientOrg.name,
    })
    .from(disbursements)
    .innerJoin(orgs, eq(orgs.id, disbursements.orgId))
    .leftJoin(appeals, eq(appeals.id, disbursements.appealId))
    .leftJoin(gifts, eq(gifts.id, disbursements.giftId))
    .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
    .leftJoin(recipientOrg, eq(recipientOrg.id, disbursements.recipientOrgId))
    .where(where)
    .orderBy(desc(disbursements.id));
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return rows.map(({ d, ...r }) => ({
    id: d.id,
    orgId: d.orgId,
    orgName: r.orgName,
    source: sourceOf(d),
    appealId: d.appealId,
    appealName: r.appealName,
    giftId: d.giftId,
    giftReceiptNo: r.giftReceiptNo,
    amountFen: d.amountFen,
    purpose: d.purpose,
    recipientOrgId: d.recipientOrgId,
    recipientOrgName: r.recipientOrgName,
    recipientName: d.recipientName,
    aidBatchRef: d.aidBatchRef,
    status: d.status as DisbursementStatus,
    requestedBy: d.requestedBy,
    requestedAt: d.requestedAt.toISOString(),
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    decisionNote: d.decisionNote,
    paidOn: d.paidOn,
  }));
}

export async function presentDisbursement(q: Queryable, row: DisbursementRow): Promise<Disbursement> {
  return (await selectDisbursements(q, inArray(disbursements.id, [row.id])))[0]!;
}

/** What the audit trail keeps of a disbursement (its state, not its joined names). */
export const auditDisbursement = (d: DisbursementRow) => ({
  orgId: d.orgId,
  appealId: d.appealId,
  giftId: d.giftId,
  amountFen: d.amountFen,
  purpose: d.purpose,
  recipientOrgId: d.recipientOrgId,
  recipientName: d.recipientName,
  aidBatchRef: d.aidBatchRef,
  status: d.status,
  requestedBy: d.requestedBy,
  decidedBy: d.decidedBy,
  decisionNote: d.decisionNote,
  paidOn: d.paidOn,
});
