import type { AllocationDetail } from '@boai/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  allocationVisible,
  designatedEvent,
  designatedOrg,
  designationLabel,
  heldAt,
  levelOrgId,
  maySign,
  presentAllocations,
  selectAllocations,
  type AllocationRow,
} from './allocation-repository.ts';
import {
  allocationApprovals,
  allocationLines,
  allocationPicks,
  allocations,
  reliefAttachments,
  reliefItems,
  stockBatches,
  warehouseLocations,
} from './schema.ts';

const destBatch = alias(stockBatches, 'dest_batch');

/**
 * One allocation as its page shows it: lines, picks in picking order (earliest expiry first, then by
 * location — the FEFO suggestion the picker follows), approvals, photos, the timeline
 * 申请 → 审批 → 拣货 → 发运 → 签收, and what the current user may do next.
 */
export async function loadAllocationDetail(
  q: Queryable,
  actor: Actor,
  id: number,
): Promise<AllocationDetail> {
  const [row] = await selectAllocations(q).where(and(eq(allocations.id, id), allocationVisible(actor)));
  if (!row) throw notFound();
  const [base] = await presentAllocations(q, [row]);
  const a = row.a;
  const lines = await q
    .select({ l: allocationLines, name: reliefItems.name, spec: reliefItems.spec, unit: reliefItems.unit })
    .from(allocationLines)
    .innerJoin(reliefItems, eq(reliefItems.id, allocationLines.itemId))
    .where(eq(allocationLines.allocationId, id))
    .orderBy(asc(allocationLines.id));
  const picks = await q
    .select({
      p: allocationPicks,
      b: stockBatches,
      itemName: reliefItems.name,
      unit: reliefItems.unit,
      locationCode: warehouseLocations.code,
      destBatchCode: destBatch.code,
      designatedEvent: designatedEvent.name,
      designatedOrg: designatedOrg.name,
    })
    .from(allocationPicks)
    .innerJoin(stockBatches, eq(stockBatches.id, allocationPicks.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, stockBatches.itemId))
    .leftJoin(warehouseLocations, eq(warehouseLocations.id, stockBatches.locationId))
    .leftJoin(destBatch, eq(destBatch.id, allocationPicks.destBatchId))
    .leftJoin(designatedEvent, eq(designatedEvent.id, stockBatches.designatedEventId))
    .leftJoin(designatedOrg, eq(designatedOrg.id, stockBatches.designatedOrgId))
    .where(eq(allocationPicks.allocationId, id))
    .orderBy(
      asc(allocationPicks.lineId),
      sql`${stockBatches.expiresOn} asc nulls last`,
      sql`${warehouseLocations.code} asc nulls last`,
      asc(allocationPicks.id),
    );
  const approvals = await q
    .select()
    .from(allocationApprovals)
    .where(eq(allocationApprovals.allocationId, id))
    .orderBy(asc(allocationApprovals.level));
  const attachments = await q
    .select({
      id: reliefAttachments.id,
      fileName: reliefAttachments.fileName,
      mime: reliefAttachments.mime,
      sizeBytes: reliefAttachments.sizeBytes,
      sha256: reliefAttachments.sha256,
      createdBy: reliefAttachments.createdBy,
      createdAt: reliefAttachments.createdAt,
    })
    .from(reliefAttachments)
    .where(and(eq(reliefAttachments.entityType, 'allocation'), eq(reliefAttachments.entityId, id)))
    .orderBy(asc(reliefAttachments.id));
  const levelNames = await orgNamesById(
    q,
    approvals.map((x) => x.orgId),
  );
  const awaiting = a.status === 'requested' ? await awaitingLevel(q, a, approvals.length + 1) : null;
  const fullyPicked = picks.length > 0 && picks.every((x) => x.p.pickedQty === x.p.quantity);

  const timeline: AllocationDetail['timeline'] = [
    { step: 'requested', at: a.requestedAt.toISOString(), by: a.requestedBy, note: a.purpose },
    ...approvals.map((x) => ({
      step: x.decision as 'approved' | 'rejected',
      at: x.decidedAt.toISOString(),
      by: x.decidedBy,
      note: [`第 ${x.level} 级（${levelNames.get(x.orgId) ?? ''}）`, x.comment].filter(Boolean).join('：'),
    })),
  ];
  if (fullyPicked) {
    const last = picks.reduce((m, x) => (x.p.pickedAt && x.p.pickedAt > m ? x.p.pickedAt : m), new Date(0));
    const by = [...new Set(picks.map((x) => x.p.pickedBy).filter((x): x is string => !!x))].join('、');
    timeline.push({ step: 'picked', at: last.toISOString(), by, note: null });
  }
  if (a.shippedAt)
    timeline.push({
      step: 'shipped',
      at: a.shippedAt.toISOString(),
      by: a.shippedBy,
      note: [a.carrier, a.trackingNo].filter(Boolean).join(' '),
    });
  if (a.signedAt)
    timeline.push({ step: 'signed', at: a.signedAt.toISOString(), by: a.signerName, note: a.signNote });
  if (a.status === 'cancelled') {
    // An allocation keeps no cancellation time of its own: the audit row of that transaction is it.
    const [c] = await q
      .select({ at: auditLog.at, by: auditLog.actorName })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'allocation'),
          eq(auditLog.entityId, String(id)),
          eq(auditLog.action, 'relief.allocation_cancel'),
        ),
      );
    if (c) timeline.push({ step: 'cancelled', at: c.at.toISOString(), by: c.by, note: a.closedReason });
  }

  const manage = await heldAt(q, actor, 'relief:manage', [a.orgId, a.requestedByOrgId]);
  const me = actorName(actor);
  const open = a.status === 'requested' || a.status === 'approved';
  return {
    ...base!,
    lines: lines.map(({ l, ...i }) => {
      const own = picks.filter((x) => x.p.lineId === l.id);
      return {
        id: l.id,
        itemId: l.itemId,
        itemName: i.name,
        spec: i.spec,
        unit: i.unit,
        quantity: l.quantity,
        pickedQty: own.reduce((s, x) => s + x.p.pickedQty, 0),
        receivedQty: a.status === 'signed' ? own.reduce((s, x) => s + (x.p.receivedQty ?? 0), 0) : null,
      };
    }),
    picks: picks.map(({ p, b, ...x }) => ({
      id: p.id,
      lineId: p.lineId,
      itemId: b.itemId,
      itemName: x.itemName,
      unit: x.unit,
      batchId: b.id,
      batchCode: b.code,
      lotNo: b.lotNo,
      expiresOn: b.expiresOn,
      locationCode: x.locationCode,
      giftId: b.giftId,
      designation: designationLabel(b, x.designatedEvent, x.designatedOrg),
      unitValueFen: b.unitValueFen,
      quantity: p.quantity,
      pickedQty: p.pickedQty,
      pickedAt: p.pickedAt?.toISOString() ?? null,
      pickedBy: p.pickedBy,
      receivedQty: p.receivedQty,
      destBatchId: p.destBatchId,
      destBatchCode: x.destBatchCode,
    })),
    approvals: approvals.map((x) => ({
      level: x.level,
      orgId: x.orgId,
      orgName: levelNames.get(x.orgId) ?? '',
      decision: x.decision as 'approved' | 'rejected',
      comment: x.comment,
      decidedBy: x.decidedBy,
      decidedAt: x.decidedAt.toISOString(),
    })),
    attachments: attachments.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    timeline: timeline.sort((x, y) => x.at.localeCompare(y.at)),
    awaiting,
    can: {
      approve:
        !!awaiting &&
        a.requestedBy !== me &&
        !approvals.some((x) => x.decidedBy === me) &&
        (await heldAt(q, actor, 'relief:approve', [awaiting.orgId])).has(awaiting.orgId),
      cancel: open && (a.requestedBy === me || manage.has(a.orgId) || manage.has(a.requestedByOrgId)),
      pick: a.status === 'approved' && !fullyPicked && manage.has(a.orgId),
      ship: a.status === 'approved' && fullyPicked && manage.has(a.orgId),
      sign: a.status === 'shipped' && (await maySign(q, actor, a)),
    },
  };
}

async function awaitingLevel(q: Queryable, a: AllocationRow, level: number) {
  const orgId = await levelOrgId(q, a, level);
  const names = await orgNamesById(q, [orgId]);
  return { level, orgId, orgName: names.get(orgId) ?? '' };
}
