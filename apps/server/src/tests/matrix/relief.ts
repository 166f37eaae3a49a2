import { batchCodeOf, shanghaiDate } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { MISSING, create, list, row, type Check, type Ids, type MatrixPart } from './types.ts';

/**
 * 应急救援物资: 梁溪区's warehouse and everything in it — a batch bought in, its goods-in note, a
 * write-off with its photo, the count under way, allocations out of it at each stage (requested,
 * approved, shipped, signed with the delivery-note photo) — and a gift of goods 梁溪区 received.
 * The catalogue and disaster events are read up and down the tree by design (崇安寺街道 stocks
 * 梁溪区's items), so those rows aim at 广益街道's item and event, as disaster-events.ts does.
 */
const today = shanghaiDate(new Date());
const PERIOD = 'from=2020-01-01&to=2030-12-31';
/** A 1×1 PNG: the delivery-note photo (its first bytes are checked). */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** A readable count sheet with the two columns the import needs, so the refusal is about the row. */
let countSheet = '';

/** A list whose URL names 梁溪区's (or 广益街道's) society. */
const listAt = (url: (i: Ids) => string): Check => ({
  kind: 'list',
  req: (i) => ({ method: 'GET', url: url(i) }),
  leak: (b, re) => re.test(b),
});
/** `base/<id>tail` on 梁溪区's row `key`, against the same on a missing id. */
const byId = (method: string, base: string, key: string, tail = '', body?: (i: Ids) => unknown) =>
  row(
    method,
    (i) => `${base}/${i[key]}${tail}`,
    () => `${base}/${MISSING}${tail}`,
    body,
  );

const ITEMS = '/api/relief/items';
const WAREHOUSES = '/api/relief/warehouses';
const BATCHES = '/api/relief/batches';
const GOODS_IN = '/api/relief/goods-in';
const ALLOCATIONS = '/api/relief/allocations';
const STOCKTAKES = '/api/relief/stocktakes';

export const reliefMatrix: MatrixPart = {
  tables: [
    'relief_items',
    'relief_kit_components',
    'warehouses',
    'warehouse_locations',
    'stock_batches',
    'stock_movements',
    'goods_in_notes',
    'goods_in_lines',
    'allocations',
    'allocation_lines',
    'allocation_picks',
    'allocation_approvals',
    'relief_attachments',
    'stocktakes',
    'stocktake_lines',
    'stock_adjustments',
    'stock_expiry_alerts',
  ],
  rows: {
    // 物资目录
    [`GET ${ITEMS}`]: listAt((i) => `${ITEMS}?orgId=${i.guangyi}&pageSize=200`),
    [`GET ${ITEMS}/export.xlsx`]: listAt((i) => `${ITEMS}/export.xlsx?orgId=${i.guangyi}`),
    [`GET ${ITEMS}/:id`]: byId('GET', ITEMS, 'gyItem'),
    [`POST ${ITEMS}`]: create('POST', ITEMS, (i) => ({
      orgId: i.liangxi,
      code: 'YQ-1',
      name: '越权物资',
      unit: '个',
      category: 'other',
    })),
    [`PATCH ${ITEMS}/:id`]: byId('PATCH', ITEMS, 'gyItem', '', () => ({ shelfLifeMonths: 1 })),

    // 仓库与库位
    [`GET ${WAREHOUSES}`]: list(`${WAREHOUSES}?pageSize=200`),
    [`GET ${WAREHOUSES}/:id`]: byId('GET', WAREHOUSES, 'lxWarehouse'),
    [`POST ${WAREHOUSES}`]: create('POST', WAREHOUSES, (i) => ({
      orgId: i.liangxi,
      code: 'YQ-1',
      name: '越权仓库',
      address: '越权',
      keeperName: '越权',
    })),
    [`PATCH ${WAREHOUSES}/:id`]: byId('PATCH', WAREHOUSES, 'lxWarehouse', '', () => ({ keeperName: '越权' })),
    [`POST ${WAREHOUSES}/:id/locations`]: byId('POST', WAREHOUSES, 'lxWarehouse', '/locations', () => ({
      locations: [{ code: 'YQ-1' }],
    })),

    // 库存与标签
    [`GET ${BATCHES}`]: list(`${BATCHES}?pageSize=200`),
    [`GET ${BATCHES}/export.xlsx`]: list(`${BATCHES}/export.xlsx`),
    [`GET ${BATCHES}/labels.pdf`]: row(
      'GET',
      (i) => `${BATCHES}/labels.pdf?batchIds=${i.lxBatch}`,
      () => `${BATCHES}/labels.pdf?batchIds=${MISSING}`,
    ),
    [`GET ${BATCHES}/:id`]: byId('GET', BATCHES, 'lxBatch'),

    // 入库
    [`GET ${GOODS_IN}`]: list(`${GOODS_IN}?pageSize=200`),
    [`GET ${GOODS_IN}/export.xlsx`]: list(`${GOODS_IN}/export.xlsx`),
    [`GET ${GOODS_IN}/awaiting-gifts`]: list(`${GOODS_IN}/awaiting-gifts`),
    [`GET ${GOODS_IN}/:id`]: byId('GET', GOODS_IN, 'lxGoodsIn'),
    [`GET ${GOODS_IN}/:id/labels.pdf`]: byId('GET', GOODS_IN, 'lxGoodsIn', '/labels.pdf'),
    [`POST ${GOODS_IN}/gift`]: create('POST', `${GOODS_IN}/gift`, (i) => ({
      giftId: i.lxGoodsGift,
      warehouseId: i.lxWarehouse,
      receivedOn: today,
      inspector: '越权',
      lines: [{ giftItemId: i.lxGoodsGiftLine, itemId: i.lxItem, acceptedQty: 1 }],
    })),
    [`POST ${GOODS_IN}/purchase`]: create('POST', `${GOODS_IN}/purchase`, (i) => ({
      warehouseId: i.lxWarehouse,
      receivedOn: today,
      inspector: '越权',
      supplier: '越权',
      lines: [{ itemId: i.lxItem, quantity: 1, unitPriceFen: 100 }],
    })),

    // 调拨与发运: each action aims at an allocation in the state it would act on.
    [`GET ${ALLOCATIONS}`]: list(`${ALLOCATIONS}?pageSize=200`),
    [`GET ${ALLOCATIONS}/export.xlsx`]: list(`${ALLOCATIONS}/export.xlsx`),
    [`GET ${ALLOCATIONS}/sources`]: list(`${ALLOCATIONS}/sources`),
    [`GET ${ALLOCATIONS}/sources/:id/stock`]: byId('GET', `${ALLOCATIONS}/sources`, 'lxWarehouse', '/stock'),
    [`GET ${ALLOCATIONS}/sources/:id/destinations`]: byId(
      'GET',
      `${ALLOCATIONS}/sources`,
      'lxWarehouse',
      '/destinations',
    ),
    [`POST ${ALLOCATIONS}`]: create('POST', ALLOCATIONS, (i) => ({
      fromWarehouseId: i.lxWarehouse,
      destination: 'org',
      toOrgId: i.guangyi,
      purpose: '越权调拨',
      lines: [{ itemId: i.lxItem, quantity: 1 }],
    })),
    [`GET ${ALLOCATIONS}/:id`]: byId('GET', ALLOCATIONS, 'lxRequested'),
    [`GET ${ALLOCATIONS}/:id/pick-list.pdf`]: byId('GET', ALLOCATIONS, 'lxApproved', '/pick-list.pdf'),
    [`POST ${ALLOCATIONS}/:id/approve`]: byId('POST', ALLOCATIONS, 'lxRequested', '/approve', () => ({})),
    [`POST ${ALLOCATIONS}/:id/reject`]: byId('POST', ALLOCATIONS, 'lxRequested', '/reject', () => ({
      comment: '越权驳回',
    })),
    [`POST ${ALLOCATIONS}/:id/cancel`]: byId('POST', ALLOCATIONS, 'lxRequested', '/cancel', () => ({
      reason: '越权撤销',
    })),
    [`POST ${ALLOCATIONS}/:id/scans`]: byId('POST', ALLOCATIONS, 'lxApproved', '/scans', (i) => ({
      task: 'pick',
      items: [{ code: batchCodeOf(i.lxBatch!) }],
    })),
    [`POST ${ALLOCATIONS}/:id/ship`]: byId('POST', ALLOCATIONS, 'lxApproved', '/ship', () => ({
      carrier: '越权',
    })),
    [`POST ${ALLOCATIONS}/:id/sign`]: byId('POST', ALLOCATIONS, 'lxShipped', '/sign', () => ({
      signerName: '越权',
    })),
    [`GET ${ALLOCATIONS}/:id/attachments/:attId`]: row(
      'GET',
      (i) => `${ALLOCATIONS}/${i.lxSigned}/attachments/${i.lxSignPhoto}`,
      (i) => `${ALLOCATIONS}/${MISSING}/attachments/${i.lxSignPhoto}`,
    ),
    // A label of 梁溪区's batch reads, to anyone else, as an unknown label: found by no one but 梁溪区.
    'POST /api/relief/scans/lookup': {
      kind: 'list',
      req: (i) => ({
        method: 'POST',
        url: '/api/relief/scans/lookup',
        body: { codes: [batchCodeOf(i.lxBatch!)] },
      }),
      leak: (b, re) => re.test(b) || b.includes('"ok":true'),
    },

    // 效期预警、报废与退货
    'GET /api/relief/expiry': list('/api/relief/expiry?withinDays=3650&pageSize=200'),
    'GET /api/relief/expiry/export.xlsx': list('/api/relief/expiry/export.xlsx?withinDays=3650'),
    'GET /api/relief/adjustments': list('/api/relief/adjustments?pageSize=200'),
    'GET /api/relief/adjustments/export.xlsx': list('/api/relief/adjustments/export.xlsx'),
    'GET /api/relief/adjustments/:id/attachments/:attId': row(
      'GET',
      (i) => `/api/relief/adjustments/${i.lxWriteOff}/attachments/${i.lxWriteOffPhoto}`,
      (i) => `/api/relief/adjustments/${MISSING}/attachments/${i.lxWriteOffPhoto}`,
    ),
    'POST /api/relief/write-offs': create('POST', '/api/relief/write-offs', (i) => ({
      batchId: i.lxBatch,
      quantity: 1,
      reason: 'damaged',
    })),
    'POST /api/relief/write-offs/:id/approve': byId(
      'POST',
      '/api/relief/write-offs',
      'lxWriteOff',
      '/approve',
      () => ({}),
    ),
    'POST /api/relief/write-offs/:id/reject': byId(
      'POST',
      '/api/relief/write-offs',
      'lxWriteOff',
      '/reject',
      () => ({ note: '越权驳回' }),
    ),
    'GET /api/relief/returns/allocations/:id': byId('GET', '/api/relief/returns/allocations', 'lxSigned'),
    'POST /api/relief/returns/in': create('POST', '/api/relief/returns/in', (i) => ({
      allocationId: i.lxSigned,
      lines: [{ pickId: i.lxSignedPick, quantity: 1 }],
      reason: '越权退回',
    })),
    'POST /api/relief/returns/out': create('POST', '/api/relief/returns/out', (i) => ({
      batchId: i.lxBatch,
      quantity: 1,
      counterparty: '越权',
      reason: '越权退货',
    })),

    // 盘点: 梁溪区's count under way (the demo's).
    [`GET ${STOCKTAKES}`]: list(`${STOCKTAKES}?pageSize=200`),
    [`GET ${STOCKTAKES}/export.xlsx`]: list(`${STOCKTAKES}/export.xlsx`),
    [`POST ${STOCKTAKES}`]: create('POST', STOCKTAKES, (i) => ({ warehouseId: i.lxWarehouse })),
    [`GET ${STOCKTAKES}/:id`]: byId('GET', STOCKTAKES, 'lxStocktake'),
    [`GET ${STOCKTAKES}/:id/sheet.xlsx`]: byId('GET', STOCKTAKES, 'lxStocktake', '/sheet.xlsx'),
    [`POST ${STOCKTAKES}/:id/counts`]: byId('POST', STOCKTAKES, 'lxStocktake', '/counts', (i) => ({
      counts: [{ lineId: i.lxStocktakeLine, countedQty: 0 }],
    })),
    [`POST ${STOCKTAKES}/:id/sheet`]: byId('POST', STOCKTAKES, 'lxStocktake', '/sheet', () => ({
      fileName: '盘点表.xlsx',
      contentBase64: countSheet,
    })),
    [`POST ${STOCKTAKES}/:id/submit`]: byId('POST', STOCKTAKES, 'lxStocktake', '/submit', () => ({})),
    [`POST ${STOCKTAKES}/:id/approve`]: byId('POST', STOCKTAKES, 'lxStocktake', '/approve', () => ({})),
    [`POST ${STOCKTAKES}/:id/reject`]: byId('POST', STOCKTAKES, 'lxStocktake', '/reject', () => ({
      comment: '越权驳回',
    })),

    // 物资报表: naming 梁溪区 in the filter gives an empty report, never its figures.
    'GET /api/relief/reports/stock': listAt(
      (i) => `/api/relief/reports/stock?orgId=${i.liangxi}&pageSize=200`,
    ),
    'GET /api/relief/reports/stock.xlsx': listAt((i) => `/api/relief/reports/stock.xlsx?orgId=${i.liangxi}`),
    'GET /api/relief/reports/movements/summary': listAt(
      (i) => `/api/relief/reports/movements/summary?orgId=${i.liangxi}&${PERIOD}&pageSize=200`,
    ),
    'GET /api/relief/reports/movements/summary.xlsx': listAt(
      (i) => `/api/relief/reports/movements/summary.xlsx?orgId=${i.liangxi}&${PERIOD}`,
    ),
    'GET /api/relief/reports/movements': listAt(
      (i) => `/api/relief/reports/movements?orgId=${i.liangxi}&${PERIOD}&pageSize=200`,
    ),
    'GET /api/relief/reports/movements.xlsx': listAt(
      (i) => `/api/relief/reports/movements.xlsx?orgId=${i.liangxi}&${PERIOD}`,
    ),
    'GET /api/relief/reports/donors': listAt(
      (i) => `/api/relief/reports/donors?orgId=${i.liangxi}&pageSize=200`,
    ),
    'GET /api/relief/reports/donors.xlsx': listAt(
      (i) => `/api/relief/reports/donors.xlsx?orgId=${i.liangxi}`,
    ),
    'GET /api/relief/reports/gifts': listAt(
      (i) => `/api/relief/reports/gifts?orgId=${i.liangxi}&pageSize=200`,
    ),
    'GET /api/relief/reports/gifts.xlsx': listAt((i) => `/api/relief/reports/gifts.xlsx?orgId=${i.liangxi}`),
    'GET /api/relief/gifts/:id/journey': byId('GET', '/api/relief/gifts', 'lxGoodsGift', '/journey'),
    'GET /api/relief/events/:id/flow': byId('GET', '/api/relief/events', 'gyReliefEvent', '/flow'),
  },

  async ids({ h, orgs }) {
    const cookie = await h.login('lx_admin');
    const approver = await h.login('wx_admin');
    const call = async (method: string, url: string, body?: unknown, as = cookie) => {
      const res = await h.req(method, url, { cookie: as, body });
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const liangxi = orgs.liangxi!;
    const guangyi = orgs.guangyi!;

    const lxWarehouse = (await call('GET', `${WAREHOUSES}?orgId=${liangxi}`)).items.find(
      (w: { orgId: number }) => w.orgId === liangxi,
    ).id as number;
    const gyItem = (
      await call('POST', ITEMS, {
        orgId: guangyi,
        code: 'GY-DSB',
        name: '挡水板',
        spec: '铝合金，1.2 m',
        unit: '块',
        category: 'rescue',
      })
    ).id as number;
    const lxItem = (
      await call('POST', ITEMS, {
        orgId: liangxi,
        code: 'LX-ZMD',
        name: '应急照明灯',
        spec: '充电式，续航 8 小时',
        unit: '盏',
        category: 'rescue',
      })
    ).id as number;
    const purchase = await call('POST', `${GOODS_IN}/purchase`, {
      warehouseId: lxWarehouse,
      receivedOn: today,
      inspector: '钱志明',
      supplier: '无锡市梁溪区南禅寺商贸有限公司',
      purchaseRef: 'LXHH-CG-2026-021',
      lines: [{ itemId: lxItem, quantity: 100, unitPriceFen: 8_800 }],
    });
    const lxBatch = purchase.lines[0].batchId as number;

    // A gift of goods 梁溪区 received: its quilts inspected into the warehouse, its water still awaited.
    const donor = (await call('GET', `/api/donors?q=${encodeURIComponent('陈美华')}`)).items[0].id;
    const gift = await call('POST', '/api/gifts/goods', {
      orgId: liangxi,
      donorId: donor,
      receivedOn: today,
      items: [
        { name: '棉被', unit: '床', quantity: 20, unitValueFen: 15_000, valuationBasis: 'market' },
        { name: '矿泉水', unit: '箱', quantity: 10, unitValueFen: 3_600, valuationBasis: 'market' },
      ],
    });
    const quilt = (await call('GET', `${ITEMS}?usableBy=${liangxi}&q=${encodeURIComponent('棉被')}`)).items[0]
      .id;
    const awaiting = (await call('GET', `${GOODS_IN}/awaiting-gifts?giftId=${gift.id}`)).items[0].lines;
    await call('POST', `${GOODS_IN}/gift`, {
      giftId: gift.id,
      warehouseId: lxWarehouse,
      receivedOn: today,
      inspector: '钱志明',
      lines: [{ giftItemId: awaiting[0].giftItemId, itemId: quilt, acceptedQty: 20 }],
    });

    const writeOff = await call('POST', '/api/relief/write-offs', {
      batchId: lxBatch,
      quantity: 1,
      reason: 'damaged',
      note: '灯罩碎裂',
      photo: { fileName: '破损照片.pdf', mime: 'application/pdf', contentBase64: btoa('%PDF-1.4\n%%EOF') },
    });

    const event = await call('POST', '/api/disaster-events', {
      orgId: guangyi,
      name: '广益街道暴雨积水转移安置',
      type: 'flood',
      area: '梁溪区广益街道',
      responseLevel: 'IV',
      startsOn: today,
    });

    // Allocations out of 梁溪区's warehouse to its own aid batch, taken as far as each row needs.
    const allocate = async (ref: string) =>
      (
        await call('POST', ALLOCATIONS, {
          fromWarehouseId: lxWarehouse,
          destination: 'aid',
          aidBatchRef: ref,
          eventId: event.id,
          purpose: '广益街道安置点照明',
          lines: [{ itemId: lxItem, quantity: 5 }],
        })
      ).id as number;
    const approve = (id: number) => call('POST', `${ALLOCATIONS}/${id}/approve`, {}, approver);
    const ship = async (id: number) => {
      await call('POST', `${ALLOCATIONS}/${id}/scans`, {
        task: 'pick',
        items: [{ code: batchCodeOf(lxBatch) }],
      });
      await call('POST', `${ALLOCATIONS}/${id}/ship`, { carrier: '梁溪区红十字会应急车' });
    };
    const lxRequested = await allocate('JZ-LX-01');
    const lxApproved = await allocate('JZ-LX-02');
    await approve(lxApproved);
    const lxShipped = await allocate('JZ-LX-03');
    await approve(lxShipped);
    await ship(lxShipped);
    const lxSigned = await allocate('JZ-LX-04');
    await approve(lxSigned);
    await ship(lxSigned);
    const signed = await call('POST', `${ALLOCATIONS}/${lxSigned}/sign`, {
      signerName: '钱志明',
      photo: { fileName: '签收单.png', mime: 'image/png', contentBase64: PNG },
    });

    const count = (await call('GET', `${STOCKTAKES}?orgId=${liangxi}&status=counting`)).items[0].id as number;
    const countDetail = await call('GET', `${STOCKTAKES}/${count}`);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('盘点表').addRow(['批次码', '实盘数量']);
    countSheet = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    return {
      lxWarehouse,
      gyItem,
      lxItem,
      lxBatch,
      lxGoodsIn: purchase.id as number,
      lxGoodsGift: gift.id as number,
      lxGoodsGiftLine: awaiting[1].giftItemId as number,
      lxWriteOff: writeOff.id as number,
      lxWriteOffPhoto: writeOff.attachments[0].id as number,
      gyReliefEvent: event.id as number,
      lxRequested,
      lxApproved,
      lxShipped,
      lxSigned,
      lxSignedPick: signed.picks[0].id as number,
      lxSignPhoto: signed.attachments[0].id as number,
      lxStocktake: count,
      lxStocktakeLine: countDetail.lines[0].id as number,
    };
  },
};
