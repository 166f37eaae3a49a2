import {
  shanghaiDate,
  type CreateReliefItemInput,
  type PurchaseGoodsInLineInput,
  addDays,
} from '@boai/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { giftItems, gifts } from '../donations/index.ts';
import { receiveGiftGoods } from './goods-in-gift.ts';
import { receivePurchase } from './goods-in-purchase.ts';
import { createReliefItem } from './items-create.ts';
import { createWarehouse } from './warehouses-create.ts';

type ItemDraft = Omit<CreateReliefItemInput, 'orgId' | 'components' | 'valuation' | 'isKit'> &
  Partial<Pick<CreateReliefItemInput, 'valuation'>>;

/** The province's catalogue (统一目录): what every society of the province stocks. */
const PROVINCE_ITEMS: ItemDraft[] = [
  { code: 'SDT', name: '手摇充电手电筒', spec: 'LED，手摇/USB 双充', unit: '个', category: 'rescue' },
  {
    code: 'JJB-S',
    name: '家庭急救包',
    spec: '小型，含创可贴、纱布、绷带、碘伏棉棒',
    unit: '个',
    category: 'medical',
    shelfLifeMonths: 36,
  },
  {
    code: 'YJT',
    name: '应急毯',
    spec: '铝箔保温，160cm×210cm',
    unit: '条',
    category: 'bedding',
    shelfLifeMonths: 60,
  },
  { code: 'JSS', name: '救生哨', spec: '高频求生哨，带挂绳', unit: '个', category: 'rescue' },
  { code: 'YY', name: '一次性雨衣', spec: 'PE，均码', unit: '件', category: 'clothing' },
  { code: 'MB', name: '棉被', spec: '200cm×230cm，3 kg', unit: '床', category: 'bedding' },
  { code: 'ZP-12', name: '单帐篷', spec: '12 ㎡ 救灾专用，含地布', unit: '顶', category: 'shelter' },
  { code: 'ZDC', name: '折叠床', spec: '190cm×70cm，钢管框架', unit: '张', category: 'shelter' },
  {
    code: 'KZ-YY',
    name: '医用外科口罩',
    spec: '17.5cm×9.5cm，50只/盒',
    unit: '盒',
    category: 'medical',
    shelfLifeMonths: 24,
  },
  {
    code: 'ST-DQ',
    name: '一次性医用手套',
    spec: '丁腈，M 号，100只/盒',
    unit: '盒',
    category: 'medical',
    shelfLifeMonths: 36,
  },
  { code: 'KQS', name: '矿泉水', spec: '550ml×24瓶', unit: '箱', category: 'water', shelfLifeMonths: 12 },
  { code: 'FBM', name: '方便面', spec: '桶装，12桶/箱', unit: '箱', category: 'food', shelfLifeMonths: 6 },
  { code: 'JSY', name: '救生衣', spec: '成人款，浮力≥113N', unit: '件', category: 'rescue' },
];

/** [society key, code, name, address, keeper, locations] */
const WAREHOUSES: [string, string, string, string, string, string[]][] = [
  [
    'province',
    'JS-BZ01',
    '江苏省红十字会备灾救灾中心仓库',
    '南京市江宁区秣陵街道将军大道 518 号',
    '孙立新',
    ['A-01', 'A-02', 'A-03', 'B-01', 'B-02'],
  ],
  [
    'wuxi',
    'WX-BZ01',
    '无锡市红十字会备灾仓库',
    '无锡市梁溪区扬名街道槐古路 96 号',
    '顾国平',
    ['A-01-1', 'A-01-2', 'A-02-1', 'B-01-1', 'C-01-1'],
  ],
  [
    'liangxi',
    'LX-CB01',
    '梁溪区红十字会应急物资储备点',
    '无锡市梁溪区南长街 358 号',
    '钱志明',
    ['A-1', 'A-2'],
  ],
  [
    'xishan',
    'XS-CB01',
    '锡山区红十字会应急物资储备库',
    '无锡市锡山区东亭街道锡沪中路 12 号',
    '许海峰',
    ['A-1', 'B-1'],
  ],
  ['jiangyin', 'JY-CB01', '江阴市红十字会应急物资仓库', '江阴市澄江街道虹桥北路 27 号', '缪建华', []],
  ['suzhou', 'SZ-BZ01', '苏州市红十字会备灾仓库', '苏州市姑苏区东环路 1500 号', '沈国强', ['A-01']],
];

/**
 * The province's catalogue with its 家庭应急包 kit, warehouses at four levels with their 库位, the
 * 1,050 family emergency kits and the quilts given to 无锡市 inspected into its warehouse (the masks
 * gift is left awaiting, for the console to receive), and purchases of tents, quilts, beds, water and
 * noodles — some water and noodles expiring within weeks, so the expiry views have work.
 */
export async function seedDemoReliefCore(tx: Tx, seed: DemoSeed): Promise<void> {
  const today = shanghaiDate(new Date());
  const province = seed.orgs.province!;
  const item: Record<string, number> = {};
  for (const draft of PROVINCE_ITEMS) {
    const created = await createReliefItem(tx, seed.actor, {
      ...draft,
      orgId: province,
      valuation: draft.valuation ?? 'stated',
      isKit: false,
      components: [],
    });
    item[draft.code] = created.id;
  }
  item.JTYJB = (
    await createReliefItem(tx, seed.actor, {
      orgId: province,
      code: 'JTYJB',
      name: '家庭应急包',
      spec: '十件套（含手电、急救包、应急毯、哨子）',
      unit: '个',
      category: 'kit',
      isKit: true,
      // 统一核价: every society values a kit the same, whoever gave or bought it.
      valuation: 'standard',
      standardValueFen: 12_800,
      shelfLifeMonths: 36,
      components: [
        { itemId: item.SDT!, quantity: 1 },
        { itemId: item['JJB-S']!, quantity: 1 },
        { itemId: item.YJT!, quantity: 2 },
        { itemId: item.JSS!, quantity: 1 },
        { itemId: item.YY!, quantity: 2 },
      ],
    })
  ).id;
  await createReliefItem(tx, seed.actor, {
    orgId: seed.orgs.wuxi!,
    code: 'FXSD',
    name: '防汛沙袋',
    spec: '编织袋，50cm×80cm',
    unit: '条',
    category: 'rescue',
    valuation: 'stated',
    isKit: false,
    components: [],
  });

  const warehouse: Record<string, { id: number; locations: Record<string, number> }> = {};
  for (const [orgKey, code, name, address, keeperName, locations] of WAREHOUSES) {
    const w = await createWarehouse(tx, seed.actor, {
      orgId: seed.orgs[orgKey]!,
      code,
      name,
      address,
      keeperName,
      locations: locations.map((c) => ({ code: c, name: null })),
    });
    warehouse[orgKey] = { id: w.id, locations: Object.fromEntries(w.locations.map((l) => [l.code, l.id])) };
  }

  // The gifts of goods 无锡市 received (donations' demo): kits and quilts are inspected, masks wait.
  const awaiting = await tx
    .select({ giftId: gifts.id, receivedOn: gifts.receivedOn, line: giftItems })
    .from(gifts)
    .innerJoin(giftItems, eq(giftItems.giftId, gifts.id))
    .where(
      and(
        eq(gifts.orgId, seed.orgs.wuxi!),
        eq(gifts.form, 'goods'),
        inArray(gifts.stockStatus, ['awaiting']),
      ),
    )
    .orderBy(asc(gifts.id), asc(giftItems.lineNo));
  const wx = warehouse.wuxi!;
  const kits = awaiting.filter((r) => r.line.name === '家庭应急包');
  if (kits.length)
    await receiveGiftGoods(tx, seed.actor, {
      giftId: kits[0]!.giftId,
      warehouseId: wx.id,
      receivedOn: addDays(kits[0]!.receivedOn, 1),
      inspector: '顾国平',
      note: '两车到货，外包装完好，随货检验报告已核对',
      lines: kits.map((k, i) => ({
        giftItemId: k.line.id,
        itemId: item.JTYJB!,
        acceptedQty: k.line.quantity,
        rejectedQty: 0,
        locationId: wx.locations[i === 0 ? 'A-01-1' : 'A-01-2'] ?? null,
      })),
    });
  const quilts = awaiting.find((r) => r.line.name === '棉被');
  if (quilts)
    await receiveGiftGoods(tx, seed.actor, {
      giftId: quilts.giftId,
      warehouseId: wx.id,
      receivedOn: addDays(quilts.receivedOn, 1),
      inspector: '顾国平',
      lines: [
        {
          giftItemId: quilts.line.id,
          itemId: item.MB!,
          acceptedQty: quilts.line.quantity - 2,
          rejectedQty: 2,
          rejectReason: '外包装破损受潮，已退回捐赠人',
          locationId: wx.locations['B-01-1'] ?? null,
        },
      ],
    });

  const purchase = async (
    orgKey: string,
    daysAgo: number,
    supplier: string,
    purchaseRef: string,
    lines: PurchaseGoodsInLineInput[],
  ) =>
    receivePurchase(tx, seed.actor, {
      warehouseId: warehouse[orgKey]!.id,
      receivedOn: addDays(today, -daysAgo),
      inspector: orgKey === 'province' ? '孙立新' : orgKey === 'wuxi' ? '顾国平' : '钱志明',
      supplier,
      purchaseRef,
      lines,
    });
  const js = warehouse.province!.locations;
  await purchase('province', 60, '江苏苏盾应急装备有限公司', 'JSHH-CG-2026-031', [
    {
      itemId: item['ZP-12']!,
      quantity: 200,
      unitPriceFen: 98_000,
      lotNo: 'SD2026-05',
      locationId: js['A-01'],
    },
    { itemId: item.MB!, quantity: 500, unitPriceFen: 15_000, lotNo: 'SD2026-07', locationId: js['A-02'] },
    { itemId: item.ZDC!, quantity: 300, unitPriceFen: 16_000, lotNo: 'SD2026-06', locationId: js['A-03'] },
    { itemId: item.YJT!, quantity: 1_000, unitPriceFen: 1_200, lotNo: 'YJT-2409', locationId: js['B-01'] },
  ]);
  await purchase('province', 300, '南京百姓放心食品配送有限公司', 'JSHH-CG-2026-007', [
    {
      itemId: item.KQS!,
      quantity: 300,
      unitPriceFen: 3_600,
      lotNo: 'KQS20251120',
      expiresOn: addDays(today, 20),
      locationId: js['B-02'],
    },
    {
      itemId: item.FBM!,
      quantity: 200,
      unitPriceFen: 4_800,
      lotNo: 'FBM2026A',
      expiresOn: addDays(today, 40),
      locationId: js['B-02'],
    },
  ]);
  await purchase('wuxi', 30, '无锡惠民商贸有限公司', 'WXHH-CG-2026-012', [
    {
      itemId: item.KQS!,
      quantity: 100,
      unitPriceFen: 3_500,
      lotNo: 'KQS20260101',
      expiresOn: addDays(today, 12),
      locationId: wx.locations['C-01-1'],
    },
    { itemId: item.ZDC!, quantity: 50, unitPriceFen: 15_800, locationId: wx.locations['B-01-1'] },
    { itemId: item.JSY!, quantity: 80, unitPriceFen: 6_500, locationId: wx.locations['A-02-1'] },
  ]);
  await purchase('liangxi', 45, '无锡市梁溪区南禅寺商贸有限公司', 'LXHH-CG-2026-003', [
    {
      itemId: item.YJT!,
      quantity: 200,
      unitPriceFen: 1_150,
      lotNo: 'YJT-2411',
      locationId: warehouse.liangxi!.locations['A-1'],
    },
    {
      itemId: item.KQS!,
      quantity: 50,
      unitPriceFen: 3_600,
      lotNo: 'KQS20251215',
      expiresOn: addDays(today, 25),
      locationId: warehouse.liangxi!.locations['A-2'],
    },
  ]);
}
