import {
  RELIEF_ITEM_CATEGORY_LABELS,
  RELIEF_VALUATION_LABELS,
  type ListReliefItemsQuery,
  type ReliefItem,
} from '@boai/contracts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { catalogueScope } from './repository.ts';
import { itemFilter, presentItems } from './items-repository.ts';
import { reliefItems } from './schema.ts';

/** The catalogue as the actor may read it: the societies' own items first by level, then by code. */
export async function listReliefItems(q: Queryable, actor: Actor, query: ListReliefItemsQuery) {
  const where = itemFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(reliefItems).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(reliefItems)
    .where(where)
    .orderBy(asc(reliefItems.orgId), asc(reliefItems.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentItems(q, rows), total, page: query.page, pageSize: query.pageSize };
}

/** One item, if the actor may read it (its own, an ancestor's or a descendant's catalogue). */
export async function getReliefItem(q: Queryable, actor: Actor, id: number): Promise<ReliefItem> {
  const rows = await q
    .select()
    .from(reliefItems)
    .where(and(eq(reliefItems.id, id), catalogueScope(actor, 'relief:read', reliefItems.orgId)));
  if (!rows.length) throw notFound();
  return (await presentItems(q, rows))[0]!;
}

const COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '物资编码', width: 14 },
  { header: '物资名称', width: 20 },
  { header: '规格型号', width: 28 },
  { header: '计量单位', width: 8 },
  { header: '类别', width: 10 },
  { header: '应急包组成', width: 40 },
  { header: '计价方式', width: 14 },
  { header: '标准单价（元）', width: 14 },
  { header: '保质期（月）', width: 12 },
  { header: '状态', width: 8 },
];

/** The catalogue as filtered on screen, as .xlsx. */
export function exportReliefItems(
  q: Queryable,
  actor: Actor,
  query: Omit<ListReliefItemsQuery, 'page' | 'pageSize'>,
): Readable {
  const where = itemFilter(actor, query);
  async function* rows() {
    for (let after = 0; ;) {
      const page = await q
        .select()
        .from(reliefItems)
        .where(and(where, sql`${reliefItems.id} > ${after}`))
        .orderBy(asc(reliefItems.id))
        .limit(500);
      if (!page.length) return;
      after = page.at(-1)!.id;
      for (const i of await presentItems(q, page))
        yield [
          i.orgName,
          i.code,
          i.name,
          i.spec ?? '',
          i.unit,
          RELIEF_ITEM_CATEGORY_LABELS[i.category].zh,
          i.components.map((c) => `${c.name}×${c.quantity}${c.unit}`).join('、'),
          i.valuation === 'standard' ? '统一核价' : RELIEF_VALUATION_LABELS.stated.zh,
          i.standardValueFen === null ? '' : i.standardValueFen / 100,
          i.shelfLifeMonths ?? '',
          i.active ? '在用' : '停用',
        ];
    }
  }
  return streamXlsx('物资目录', COLUMNS, rows());
}
