import { RELIEF_EXPIRY_DAYS_DEFAULT, shanghaiDate, type ExpiryAlertStage } from '@boai/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import { every } from '../../platform/jobs.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { queueSms } from '../../platform/sms/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { staffMobilesAt } from '../staff/index.ts';
import { reliefItems, stockBatches, stockExpiryAlerts, warehouses } from './schema.ts';

const BATCH = 500;
const actor = systemActor('relief-expiry-alerts');
const STAGE_WORDS: Record<ExpiryAlertStage, string> = {
  d90: ' 90 天内到期',
  d30: ' 30 天内到期',
  expired: '已过期',
};

/** The most urgent stage a batch is in: expired from the day after its expiry date. */
export function stageOf(daysLeft: number): ExpiryAlertStage | null {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 30) return 'd30';
  return daysLeft <= RELIEF_EXPIRY_DAYS_DEFAULT ? 'd90' : null;
}

interface Fresh {
  orgId: number;
  warehouse: string;
  item: string;
  code: string;
  expiresOn: string;
  stage: ExpiryAlertStage;
}

/**
 * 效期预警: tells each warehouse society's relief staff (relief:manage held at that society, with a
 * mobile) by SMS when batches with stock enter a stage — 90 days left, 30 days left, expired — once
 * per batch, stage and expiry date. The alert row's primary key is that rule: rows and messages are
 * written in one transaction, so a crash neither skips nor repeats one, and two server processes
 * racing each send only for the rows they inserted. A batch first seen already at 30 days is told
 * "30 days", never "90" afterwards. One message per person per run sums up their society's new
 * alerts. Returns how many alerts were recorded.
 */
export async function queueExpiryAlerts(db: Db, pii: PiiVault, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  const b = stockBatches;
  let total = 0;
  for (let after = 0; ;) {
    const page = await db
      .select({
        id: b.id,
        orgId: b.orgId,
        code: b.code,
        expiresOn: sql<string>`${b.expiresOn}::text`,
        daysLeft: sql<number>`(${b.expiresOn} - ${today}::date)::int`,
        warehouse: warehouses.name,
        item: reliefItems.name,
      })
      .from(b)
      .innerJoin(warehouses, eq(warehouses.id, b.warehouseId))
      .innerJoin(reliefItems, eq(reliefItems.id, b.itemId))
      .where(
        and(
          sql`${b.onHand} > 0 and ${b.expiresOn} is not null`,
          sql`${b.expiresOn} <= ${today}::date + ${RELIEF_EXPIRY_DAYS_DEFAULT}::int`,
          sql`${b.id} > ${after}`,
        ),
      )
      .orderBy(asc(b.id))
      .limit(BATCH);
    if (!page.length) return total;
    after = page.at(-1)!.id;
    total += await db.transaction(async (tx) => {
      const wanted = page.map((p) => ({ ...p, stage: stageOf(p.daysLeft)! }));
      const inserted = await tx
        .insert(stockExpiryAlerts)
        .values(
          wanted.map((w) => ({ batchId: w.id, stage: w.stage, expiresOn: w.expiresOn, orgId: w.orgId })),
        )
        .onConflictDoNothing()
        .returning({ batchId: stockExpiryAlerts.batchId, stage: stockExpiryAlerts.stage });
      if (!inserted.length) return 0;
      const isFresh = new Set(inserted.map((r) => `${r.batchId}:${r.stage}`));
      const fresh: Fresh[] = wanted
        .filter((w) => isFresh.has(`${w.id}:${w.stage}`))
        .map((w) => ({
          orgId: w.orgId,
          warehouse: w.warehouse,
          item: w.item,
          code: w.code,
          expiresOn: w.expiresOn,
          stage: w.stage,
        }));
      const orgIds = [...new Set(fresh.map((f) => f.orgId))];
      const [names, mobiles] = await Promise.all([
        orgNamesById(tx, orgIds),
        staffMobilesAt(tx, pii, orgIds, 'relief:manage'),
      ]);
      let messages = 0;
      for (const orgId of orgIds) {
        const text = alertText(
          names.get(orgId) ?? '红十字会',
          fresh.filter((f) => f.orgId === orgId),
        );
        for (const mobile of mobiles.get(orgId) ?? []) {
          await queueSms(tx, pii, {
            mobile,
            template: 'relief_expiry',
            params: text.params,
            text: text.text,
          });
          messages++;
        }
      }
      await recordAudit(tx, actor, {
        action: 'relief.expiry_alerts',
        orgId: null,
        entityType: 'stock_batch',
        after: { alerts: fresh.map((f) => `${f.code}:${f.stage}:${f.expiresOn}`), messages },
      });
      return fresh.length;
    });
  }
}

/** "【梁溪区红十字会】物资效期预警：梁溪区备灾仓库 2 个批次已过期、1 个批次 30 天内到期（如 口罩 PC00000012 有效期至 2026-05-01）…" */
function alertText(org: string, alerts: Fresh[]) {
  const byWarehouse = new Map<string, Fresh[]>();
  for (const a of alerts) byWarehouse.set(a.warehouse, [...(byWarehouse.get(a.warehouse) ?? []), a]);
  const parts = [...byWarehouse].map(([wh, list]) => {
    const counts = (['expired', 'd30', 'd90'] as const)
      .map((s) => [s, list.filter((a) => a.stage === s).length] as const)
      .filter(([, n]) => n)
      .map(([s, n]) => `${n} 个批次${STAGE_WORDS[s]}`);
    return `${wh} ${counts.join('、')}`;
  });
  const first = [...alerts].sort((x, y) => x.expiresOn.localeCompare(y.expiresOn))[0]!;
  const example = `${first.item} ${first.code} 有效期至 ${first.expiresOn}`;
  const summary = parts.join('；');
  return {
    params: { org, summary, example },
    text: `【${org}】物资效期预警：${summary}（如 ${example}）。请登录博爱系统“效期预警”及时调拨使用或申请报废。`,
  };
}

/** The module's background job: a first run a minute after start, then daily. */
export function startExpiryAlerts(
  db: Db,
  pii: PiiVault,
  onError: (err: unknown) => void,
  intervalMs = 86_400_000,
): () => void {
  return every(intervalMs, () => queueExpiryAlerts(db, pii), onError, 60_000);
}
