import { shanghaiDate } from '@boai/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { trainingCertificates } from '../training/index.ts';
import { commendRescue } from './commend-rescue.ts';
import { reportRescue } from './report-rescue.ts';
import { reviewRescue } from './review-rescue.ts';

/** Beijing wall clock of `daysAgo` days back at hh:mm, as the portal form sends it. */
function localAgo(daysAgo: number, hhmm: string): string {
  return `${shanghaiDate(new Date(Date.now() - daysAgo * 86_400_000))}T${hhmm}`;
}

/**
 * Four cases by holders of the demo's valid first-aider certificates: one commended, one verified,
 * one awaiting verification and one not accepted, so every console state has an example.
 */
export async function seedDemoRescues(tx: Tx, seed: DemoSeed): Promise<void> {
  const certs = await tx
    .select({
      id: trainingCertificates.id,
      number: trainingCertificates.number,
      name: trainingCertificates.holderName,
    })
    .from(trainingCertificates)
    .where(
      and(
        eq(trainingCertificates.status, 'issued'),
        eq(trainingCertificates.kind, 'first_aider'),
        isNull(trainingCertificates.renewsId),
      ),
    )
    .orderBy(asc(trainingCertificates.id))
    .limit(4);
  if (certs.length < 4) return;
  const [a, b, c, d] = certs as [(typeof certs)[0], (typeof certs)[0], (typeof certs)[0], (typeof certs)[0]];
  const report = (
    cert: typeof a,
    fields: Omit<Parameters<typeof reportRescue>[2], 'certificateNumber' | 'name'>,
  ) =>
    reportRescue(tx, seed.pii, { certificateNumber: cert.number, name: cert.name, ...fields }, 'demo-seed');

  const first = await report(a, {
    occurredAt: localAgo(40, '07:42'),
    place: '无锡地铁 1 号线三阳广场站站厅',
    actions: ['cpr', 'aed'],
    description:
      '一名晨练后乘车的男子突然倒地、无呼吸。我立即呼救并请站务员取来站内 AED，持续胸外按压，除颤一次后恢复自主呼吸，120 到场后送医。',
    outcome: 'hospital_alive',
    aedUsed: true,
    casualtyAgeBand: 'senior',
    casualtySex: 'male',
    mobile: '13861700001',
  });
  await reviewRescue(tx, seed.pii, seed.actor, first.id, {
    decision: 'verified',
    note: '已与地铁站务及无锡市急救中心出车记录核对一致',
  });
  await commendRescue(
    tx,
    seed.pii,
    seed.actor,
    first.id,
    `${shanghaiDate(new Date()).slice(0, 4)} 年度无锡市应急救护先进个人`,
  );

  const second = await report(b, {
    occurredAt: localAgo(21, '12:15'),
    place: '梁溪区某小学食堂',
    actions: ['heimlich'],
    description:
      '一名学生进餐时被食物卡住，无法说话，面色发紫。我从背后实施海姆立克急救，五次冲击后异物排出。',
    outcome: 'recovered',
    aedUsed: false,
    casualtyAgeBand: 'child',
    casualtySex: 'female',
  });
  await reviewRescue(tx, seed.pii, seed.actor, second.id, { decision: 'verified', note: '学校出具情况说明' });

  await report(c, {
    occurredAt: localAgo(3, '18:30'),
    place: '锡山区东港镇菜市场门口',
    actions: ['bleeding', 'recovery_position'],
    description: '一位骑电动车摔倒的阿姨小腿出血较多。我用干净毛巾加压止血，让她保持侧卧位等待救护车。',
    outcome: 'hospital_alive',
    aedUsed: false,
    casualtyAgeBand: 'adult',
    casualtySex: 'female',
  });

  const fourth = await report(d, {
    occurredAt: localAgo(10, '21:05'),
    place: '姑苏区平江路',
    actions: ['other'],
    description: '看到有人晕倒，帮忙打了 120。',
    outcome: 'unknown',
    aedUsed: false,
    casualtyAgeBand: 'unknown',
    casualtySex: 'unknown',
  });
  await reviewRescue(tx, seed.pii, seed.actor, fourth.id, {
    decision: 'rejected',
    note: '仅代为呼叫急救，未实施救护措施；已电话感谢报告人',
  });
}
