import { idCardCheckChar, usccCheckChar, type CreateDonorInput } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
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

export async function seedDemoDonors(tx: Tx, seed: DemoSeed): Promise<void> {
  for (const [orgKey, input] of DONORS) {
    await registerDonor(tx, seed.pii, seed.actor, {
      ...input,
      orgId: seed.orgs[orgKey]!,
    } as CreateDonorInput);
  }
}
