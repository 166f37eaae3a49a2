import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.ts';
import { refIds, type LedgerEntryBuilder, type LedgerEntryObject } from '../../platform/ledger/index.ts';
import { disbursements } from './schema.ts';

/**
 * 拨付使用 in the transparency log: the approved amount, its source and its recipient society. A
 * recipient person is never named (aid recipients stay unidentified); an aid batch by its reference.
 * The moment is the approval's audit entry, because `decided_at` moves if approved money is later
 * cancelled — the entry must rebuild the same forever.
 */
const disbursementMade: LedgerEntryBuilder = {
  kind: 'disbursement.made',
  async build(q, refs) {
    const ids = refIds(refs, 'disbursement');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const rows = await q
      .select({ d: disbursements, at: auditLog.at })
      .from(disbursements)
      .innerJoin(
        auditLog,
        and(
          eq(auditLog.entityType, 'disbursement'),
          sql`${auditLog.entityId} = ${disbursements.id}::text`,
          eq(auditLog.action, 'disbursements.approve'),
        ),
      )
      .where(inArray(disbursements.id, ids));
    for (const { d, at } of rows) {
      out.set(`disbursement:${d.id}`, {
        v: 1,
        kind: 'disbursement.made',
        org: d.orgId,
        ref: `disbursement:${d.id}`,
        at: at.toISOString(),
        amountFen: d.amountFen,
        paidOn: d.paidOn,
        purpose: d.purpose,
        appeal: d.appealId,
        gift: d.giftId ? `gift:${d.giftId}` : null,
        recipientOrg: d.recipientOrgId,
        aidBatch: d.aidBatchRef,
      });
    }
    return out;
  },
};

export const disbursementLedgerEntries: LedgerEntryBuilder[] = [disbursementMade];
