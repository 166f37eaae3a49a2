import { shanghaiDate } from '@boai/contracts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { appeals } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { reliefItems } from '../relief/index.ts';
import { addNeed } from './add-need.ts';
import { closeEvent } from './close-event.ts';
import { createEvent } from './create-event.ts';
import { linkAppeal } from './link-appeal.ts';
import { linkNeedsToItems } from './link-needs-to-items.ts';
import { disasterEventNeeds, disasterEvents } from './schema.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY));

const TYPHOON_NAME = '2026年第14号台风“海葵”防御与救灾';

/**
 * 无锡市红十字会 responding to a typhoon now (its typhoon appeal linked) and 锡山区 with last summer's
 * flood, closed. The needs are written by name, as the catalogue's items are called: relief's
 * catalogue does not exist yet when this runs, so `linkDemoNeeds` points them at its items later.
 */
export async function seedDemoDisasterEvents(tx: Tx, seed: DemoSeed): Promise<void> {
  const { actor } = seed;
  const typhoon = await createEvent(tx, actor, {
    orgId: seed.orgs.wuxi!,
    name: TYPHOON_NAME,
    type: 'typhoon',
    area: '无锡市梁溪区、锡山区',
    responseLevel: 'III',
    startsOn: daysAgo(12),
    endsOn: null,
    summary:
      '受台风“海葵”影响，无锡市普降大暴雨，梁溪区、锡山区部分低洼小区进水，转移安置群众约 3200 人。' +
      '市红十字会启动Ⅲ级应急响应，向受灾区调拨家庭应急包、棉被、帐篷等救灾物资，并开展防御台风应急救灾专项募捐。',
  });
  const needs = [
    { name: '家庭应急包', unit: '个', quantity: 800, note: '安置点每户一个' },
    { name: '棉被', unit: '床', quantity: 500, note: null },
    { name: '单帐篷', unit: '顶', quantity: 60, note: '锡山区东港镇临时安置点' },
  ];
  for (const need of needs) await addNeed(tx, actor, typhoon.id, need);
  const [appeal] = await tx
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.orgId, seed.orgs.wuxi!), eq(appeals.name, '2026年防御台风应急救灾专项')));
  if (appeal) await linkAppeal(tx, actor, typhoon.id, appeal.id);

  const year = Number(daysAgo(0).slice(0, 4)) - 1;
  const flood = await createEvent(tx, actor, {
    orgId: seed.orgs.xishan!,
    name: `${year}年锡山区“7·18”暴雨洪涝救灾`,
    type: 'flood',
    area: '无锡市锡山区东港镇、安镇街道',
    responseLevel: 'IV',
    startsOn: `${year}-07-18`,
    endsOn: null,
    summary: null,
  });
  await addNeed(tx, actor, flood.id, { name: '棉被', unit: '床', quantity: 200, note: null });
  await addNeed(tx, actor, flood.id, { name: '矿泉水', unit: '箱', quantity: 1000, note: null });
  await closeEvent(tx, actor, flood.id, {
    endsOn: `${year}-08-02`,
    summary: '区红十字会启动Ⅳ级响应 16 天，向东港镇、安镇街道安置点发放棉被、饮用水，受灾群众已全部返家。',
  });
  seed.disasterEvents = { typhoon: typhoon.id, flood: flood.id };
}

/**
 * After the whole demo is seeded (relief's catalogue included): each demo event's needs point at the
 * catalogue item of the same name that its society may use, the nearest society's when several do.
 */
export async function linkDemoNeeds(db: Db, seed: DemoSeed): Promise<void> {
  for (const eventId of Object.values(seed.disasterEvents ?? {})) {
    await db.transaction(async (tx) => {
      const names = (
        await tx
          .select({ name: disasterEventNeeds.name })
          .from(disasterEventNeeds)
          .where(and(eq(disasterEventNeeds.eventId, eventId), isNull(disasterEventNeeds.itemId)))
      ).map((n) => n.name);
      if (!names.length) return;
      const items = await tx
        .select({ id: reliefItems.id, name: reliefItems.name })
        .from(reliefItems)
        .innerJoin(orgs, eq(orgs.id, reliefItems.orgId))
        .where(
          and(
            inArray(reliefItems.name, names),
            eq(reliefItems.active, true),
            sql`(select e.path from ${orgs} as e join ${disasterEvents} as d on d.org_id = e.id where d.id = ${eventId}) like ${orgs.path} || '%'`,
          ),
        )
        .orderBy(desc(orgs.depth));
      const byName = new Map<string, number>();
      for (const i of items) if (!byName.has(i.name)) byName.set(i.name, i.id);
      await linkNeedsToItems(tx, eventId, byName);
    });
  }
}
