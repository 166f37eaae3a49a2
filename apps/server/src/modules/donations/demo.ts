import {
  idCardCheckChar,
  shanghaiDate,
  usccCheckChar,
  type CreateDonorInput,
  type MoneyChannel,
} from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { createAppeal, type CreateAppealInput } from './appeals.ts';
import { seedDemoGoods } from './goods-demo.ts';
import { recordGift } from './record-gift.ts';
import { registerDonor } from './register-donor.ts';

/** Valid (check-digit correct) but fictitious numbers, so demo data passes the same validation as real data. */
const idCard = (first17: string) => first17 + idCardCheckChar(first17);
const uscc = (first17: string) => first17 + usccCheckChar(first17);

type Draft<T> = T extends unknown ? Omit<T, 'orgId'> : never; // Omit per variant of the union
type DemoDonor = [orgKey: string, input: Draft<CreateDonorInput>];

const DONORS: DemoDonor[] = [
  [
    'wuxi',
    {
      kind: 'enterprise',
      name: '无锡红豆实业股份有限公司',
      uscc: uscc('91320200MA1MXXXX0'),
      contact: '钱经理',
      mobile: '13912340001',
    },
  ],
  [
    'wuxi',
    {
      kind: 'enterprise',
      name: '无锡市爱心企业家联合会',
      uscc: uscc('51320200MJ5600001'),
      contact: '周秘书长',
      mobile: null,
    },
  ],
  [
    'wuxi',
    {
      kind: 'person',
      name: '顾志明',
      idCard: idCard('32020219650312001'),
      mobile: '13812345678',
      nameConsent: true,
    },
  ],
  ['wuxi', { kind: 'anonymous', mobile: '13700001111' }],
  [
    'liangxi',
    {
      kind: 'person',
      name: '陈美华',
      idCard: idCard('32021319780521002'),
      mobile: '13961110022',
      nameConsent: false,
    },
  ],
  ['liangxi', { kind: 'person', name: '孙建国', idCard: null, mobile: '13961110033', nameConsent: false }],
  [
    'liangxi',
    {
      kind: 'enterprise',
      name: '梁溪区南禅寺商圈商户联盟',
      uscc: null,
      contact: '吴会长',
      mobile: '13961110044',
    },
  ],
  [
    'chonganshi',
    { kind: 'person', name: '蒋小燕', idCard: idCard('32021319900817004'), mobile: null, nameConsent: true },
  ],
  [
    'xishan',
    {
      kind: 'person',
      name: '华永强',
      idCard: idCard('32020519720104003'),
      mobile: '13961220055',
      nameConsent: false,
    },
  ],
  [
    'xishan',
    {
      kind: 'enterprise',
      name: '锡山经济开发区某精密机械有限公司',
      uscc: uscc('91320205MA1R2ABC0'),
      contact: '许总',
      mobile: null,
    },
  ],
  ['xishan', { kind: 'anonymous', mobile: null }],
  [
    'suzhou',
    {
      kind: 'enterprise',
      name: '苏州工业园区慈善联合会',
      uscc: uscc('51320594MJ5700002'),
      contact: '沈主任',
      mobile: '13862000066',
    },
  ],
  [
    'gusu',
    {
      kind: 'person',
      name: '沈文彬',
      idCard: idCard('32050819830615005'),
      mobile: '13862000077',
      nameConsent: true,
    },
  ],
];

const APPEALS: [key: string, orgKey: string, input: Omit<CreateAppealInput, 'orgId'>][] = [
  [
    'boai',
    'wuxi',
    {
      kind: 'appeal',
      name: '2026年“博爱送万家”专项募捐',
      targetFen: 200_000_000,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
  ],
  [
    'flood',
    'wuxi',
    {
      kind: 'appeal',
      name: '太湖流域防汛救灾专项',
      targetFen: 500_000_000,
      startsOn: '2026-07-01',
      endsOn: null,
    },
  ],
  [
    'angel',
    'liangxi',
    {
      kind: 'project',
      name: '“天使计划”困境儿童医疗救助',
      filingNo: '53320213MJ5600012A26001',
      targetFen: 30_000_000,
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
    },
  ],
  ['aed', 'xishan', { kind: 'fund', name: '锡山区“生命守护”AED冠名基金', targetFen: null }],
];

/** Gifts: [receiving org, donor name, channel, amount in yuan, days ago, appeal key or null, purpose]. */
const GIFTS: [string, string, MoneyChannel, number, number, string | null, string | null][] = [
  ['wuxi', '无锡红豆实业股份有限公司', 'bank', 500_000, 20, 'flood', null],
  ['wuxi', '无锡市爱心企业家联合会', 'bank', 120_000, 12, 'boai', null],
  ['wuxi', '顾志明', 'online', 2_000, 9, 'boai', null],
  ['wuxi', '爱心人士', 'scan', 200, 3, 'flood', null],
  ['wuxi', '顾志明', 'scan', 500, 1, 'flood', null],
  ['liangxi', '陈美华', 'cash', 1_000, 15, 'angel', null],
  ['liangxi', '孙建国', 'scan', 300, 6, 'angel', null],
  ['liangxi', '梁溪区南禅寺商圈商户联盟', 'bank', 36_800, 4, null, '崇安寺街道困难家庭春节慰问'],
  ['chonganshi', '蒋小燕', 'cash', 600, 2, null, null],
  ['xishan', '锡山经济开发区某精密机械有限公司', 'bank', 80_000, 30, 'aed', null],
  ['xishan', '华永强', 'platform', 99, 7, null, null],
  ['gusu', '沈文彬', 'online', 1_000, 5, null, null],
];

export async function seedDemoDonors(tx: Tx, seed: DemoSeed): Promise<void> {
  const donorIds = new Map<string, number>();
  for (const [orgKey, input] of DONORS) {
    const { donor } = await registerDonor(tx, seed.pii, seed.actor, {
      ...input,
      orgId: seed.orgs[orgKey]!,
    } as CreateDonorInput);
    donorIds.set(`${orgKey}:${donor.name}`, donor.id);
  }
  const appealIds = new Map<string, number>();
  for (const [key, orgKey, input] of APPEALS) {
    appealIds.set(key, (await createAppeal(tx, seed.actor, { ...input, orgId: seed.orgs[orgKey]! })).id);
  }
  const day = 86_400_000;
  for (const [orgKey, donorName, channel, yuan, daysAgo, appealKey, purpose] of GIFTS) {
    await recordGift(tx, seed.actor, {
      orgId: seed.orgs[orgKey]!,
      donorId: donorIds.get(`${orgKey}:${donorName}`)!,
      channel,
      amountFen: yuan * 100,
      receivedOn: shanghaiDate(new Date(Date.now() - daysAgo * day)),
      appealId: appealKey ? appealIds.get(appealKey)! : null,
      purpose,
    });
  }
  await seedDemoGoods(tx, seed);
}
