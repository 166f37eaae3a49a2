import type { CreateDisbursementInput } from '@boai/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { appeals, gifts } from '../donations/index.ts';
import { approveDisbursement } from './approve-disbursement.ts';
import { rejectDisbursement } from './reject-disbursement.ts';
import { requestDisbursement } from './request-disbursement.ts';

const DAY_MS = 86_400_000;

type Source = { appeal: string } | { designated: string } | 'general';
type Decision = { approve: number; note?: string } | { reject: number; note: string } | null;

/**
 * [society, source, yuan, purpose, recipient society key or a named recipient, aid batch, requested days
 * ago, decision (days ago)]. Amounts stay within the demo gifts of donations/demo.ts.
 */
const DEMO: [
  string,
  Source,
  number,
  string,
  { org: string } | { name: string },
  string | null,
  number,
  Decision,
][] = [
  [
    'wuxi',
    { appeal: '太湖流域防汛救灾专项' },
    200_000,
    '江阴市受灾群众应急生活救助金',
    { org: 'jiangyin' },
    'JZ-2026-07-01',
    15,
    { approve: 14, note: '同意，按受灾人口核定' },
  ],
  [
    'wuxi',
    { appeal: '太湖流域防汛救灾专项' },
    150_000,
    '锡山区防汛救灾物资储备',
    { org: 'xishan' },
    null,
    6,
    { reject: 5, note: '储备物资应由物资采购项目列支，请补充受灾情况评估报告后另行申请' },
  ],
  [
    'liangxi',
    { appeal: '“天使计划”困境儿童医疗救助' },
    800,
    '困境儿童医疗救助（白血病患儿住院费用补助）',
    { org: 'chonganshi' },
    null,
    5,
    { approve: 4, note: '材料齐全，同意拨付' },
  ],
  [
    'liangxi',
    { designated: '崇安寺街道困难家庭春节慰问' },
    18_400,
    '崇安寺街道困难家庭春节慰问',
    { org: 'chonganshi' },
    'WW-2026-CAS-01',
    3,
    { approve: 2, note: '第一批 46 户，每户 400 元' },
  ],
  [
    'xishan',
    { appeal: '锡山区“生命守护”AED冠名基金' },
    36_000,
    '采购 AED 2 台（含安装及急救培训），投放东港镇人员密集场所',
    { name: '江苏康宁医疗设备有限公司' },
    null,
    10,
    { approve: 8, note: '已完成政府采购程序' },
  ],
  ['gusu', 'general', 500, '独居老人应急救助', { org: 'pingjiang' }, null, 2, { approve: 1 }],
  [
    'wuxi',
    { appeal: '2026年“博爱送万家”专项募捐' },
    50_000,
    '“博爱送万家”春节慰问困难家庭（梁溪区）',
    { org: 'liangxi' },
    null,
    1,
    null,
  ],
];

/**
 * 拨付 demo: approved disbursements from an appeal, a designated gift and general funds, one rejected
 * and one waiting for approval. Requested by the demo seed and decided by a second named actor, so the
 * four-eyes rule holds here too and any demo admin can decide the pending one.
 */
export async function seedDemoDisbursements(tx: Tx, seed: DemoSeed): Promise<void> {
  const approver = systemActor('demo-approver');
  for (const [orgKey, source, yuan, purpose, recipient, aidBatchRef, daysAgo, decision] of DEMO) {
    const orgId = seed.orgs[orgKey]!;
    const input: CreateDisbursementInput = {
      orgId,
      amountFen: yuan * 100,
      purpose,
      recipientOrgId: 'org' in recipient ? seed.orgs[recipient.org]! : null,
      recipientName: 'name' in recipient ? recipient.name : null,
      aidBatchRef,
    };
    if (source !== 'general' && 'appeal' in source) {
      const [a] = await tx
        .select({ id: appeals.id })
        .from(appeals)
        .where(and(eq(appeals.orgId, orgId), eq(appeals.name, source.appeal)));
      input.appealId = a!.id;
    } else if (source !== 'general') {
      const [g] = await tx
        .select({ id: gifts.id })
        .from(gifts)
        .where(and(eq(gifts.orgId, orgId), eq(gifts.purpose, source.designated), isNull(gifts.appealId)));
      input.giftId = g!.id;
    }
    const d = await requestDisbursement(tx, seed.actor, input, daysBack(daysAgo));
    if (!decision) continue;
    if ('approve' in decision) {
      await approveDisbursement(tx, approver, d.id, { note: decision.note }, daysBack(decision.approve));
    } else {
      await rejectDisbursement(tx, approver, d.id, { note: decision.note }, daysBack(decision.reject));
    }
  }
}

const daysBack = (n: number) => new Date(Date.now() - n * DAY_MS);
