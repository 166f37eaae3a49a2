import { shanghaiDate, usccCheckChar, type CreateDonorInput, type GoodsItemInput } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import { createPdf, pdfBuffer } from '../../platform/pdf/document.ts';
import type { DemoSeed } from '../demo.ts';
import { createAppeal } from './appeals.ts';
import { attachToGift } from './attachments.ts';
import { recordGoodsGift } from './record-goods-gift.ts';
import { registerDonor } from './register-donor.ts';

const uscc = (first17: string) => first17 + usccCheckChar(first17);
const DAY = 86_400_000;
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY));
const yearsAhead = (n: number) => shanghaiDate(new Date(Date.now() + n * 365 * DAY));

type Draft<T> = T extends unknown ? Omit<T, 'orgId'> : never;

const DONORS: Draft<CreateDonorInput>[] = [
  {
    kind: 'enterprise',
    name: '无锡安泰应急装备有限公司',
    uscc: uscc('91320211MA1Y8K3Q0'),
    contact: '蒋经理',
    mobile: '13915230088',
  },
  {
    kind: 'enterprise',
    name: '江苏康宁医疗用品有限公司',
    uscc: uscc('91320282MA20LNBX0'),
    contact: '邵主任',
    mobile: null,
  },
  { kind: 'person', name: '钱玉芬', idCard: null, mobile: '13771560123', nameConsent: false },
];

const kit = (quantity: number): GoodsItemInput => ({
  name: '家庭应急包',
  spec: '十件套（含手电、急救包、应急毯、哨子）',
  unit: '个',
  quantity,
  unitValueFen: 12_800,
  valuationBasis: 'invoice',
  batchNo: 'AT-2026-0815',
  expiresOn: null,
});

/** A one-page 检验报告, so the demo's goods gift has a quality document to open. */
async function inspectionReport(): Promise<Buffer> {
  const doc = createPdf({ size: 'A5', title: '产品质量检验报告' });
  doc.font('zh-bold').fontSize(16).text('产品质量检验报告', { align: 'center' });
  doc.moveDown().font('zh').fontSize(10);
  doc.text('样品名称：家庭应急包（十件套）');
  doc.text('批号：AT-2026-0815');
  doc.text('委托单位：无锡安泰应急装备有限公司');
  doc.text('检验结论：所检项目符合 GB/T 36750-2018 要求。');
  doc.text('（演示数据）');
  return pdfBuffer(doc);
}

/**
 * Gifts of goods at 无锡市: a typhoon appeal receives 1,050 family emergency kits from an enterprise
 * at invoice price (¥128 each, with its inspection report), plus masks and quilts. All of them await
 * receipt into stock; the receipt desk numbers them after the seed commits.
 */
export async function seedDemoGoods(tx: Tx, seed: DemoSeed): Promise<void> {
  const orgId = seed.orgs.wuxi!;
  const donorIds: number[] = [];
  for (const input of DONORS) {
    const { donor } = await registerDonor(tx, seed.pii, seed.actor, { ...input, orgId } as CreateDonorInput);
    donorIds.push(donor.id);
  }
  const [equipment, medical, person] = donorIds as [number, number, number];
  const typhoon = await createAppeal(tx, seed.actor, {
    orgId,
    kind: 'appeal',
    name: '2026年防御台风应急救灾专项',
    targetFen: 100_000_000,
    startsOn: daysAgo(40),
    endsOn: null,
  });

  const { giftId: kitsGift } = await recordGoodsGift(tx, seed.actor, {
    orgId,
    donorId: equipment,
    receivedOn: daysAgo(10),
    appealId: typhoon.id,
    note: '分两车送达市红十字会备灾仓库，随货附检验报告',
    items: [kit(1_000), { ...kit(50), batchNo: 'AT-2026-0902' }],
  });
  await attachToGift(tx, seed.actor, kitsGift, {
    fileName: '家庭应急包检验报告（AT-2026-0815）.pdf',
    mime: 'application/pdf',
    contentBase64: (await inspectionReport()).toString('base64'),
  });

  await recordGoodsGift(tx, seed.actor, {
    orgId,
    donorId: medical,
    receivedOn: daysAgo(6),
    appealId: typhoon.id,
    items: [
      {
        name: '医用外科口罩',
        spec: '17.5cm×9.5cm，50只/盒',
        unit: '盒',
        quantity: 400,
        unitValueFen: 1_750,
        valuationBasis: 'market',
        batchNo: 'KN20260712',
        expiresOn: yearsAhead(2),
      },
      {
        name: '一次性医用手套',
        spec: '丁腈，M 号，100只/盒',
        unit: '盒',
        quantity: 120,
        unitValueFen: 2_600,
        valuationBasis: 'market',
        batchNo: 'KN20260655',
        expiresOn: yearsAhead(3),
      },
    ],
  });

  await recordGoodsGift(tx, seed.actor, {
    orgId,
    donorId: person,
    receivedOn: daysAgo(2),
    purpose: '“博爱送万家”冬季慰问困难家庭',
    items: [
      {
        name: '棉被',
        spec: '200cm×230cm，3 kg',
        unit: '床',
        quantity: 30,
        unitValueFen: 15_000,
        valuationBasis: 'agreement',
        batchNo: null,
        expiresOn: null,
      },
    ],
  });
}
