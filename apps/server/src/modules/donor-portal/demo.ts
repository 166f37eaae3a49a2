import { shanghaiDate } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { recordGift, registerDonor } from '../donations/index.ts';

/**
 * One phone, gifts at two societies: 孙建国 (13961110033) gave to 梁溪区's 天使计划 in the donations
 * demo; here he also gives at 姑苏区 in Suzhou, registered there separately as societies do. Signing in
 * to 捐赠查询 with that number shows both gifts together.
 */
export async function seedDemoMyGifts(tx: Tx, seed: DemoSeed): Promise<void> {
  const gusu = seed.orgs.gusu!;
  const { donor } = await registerDonor(tx, seed.pii, seed.actor, {
    kind: 'person',
    orgId: gusu,
    name: '孙建国',
    idCard: null,
    mobile: '13961110033',
    nameConsent: false,
  });
  await recordGift(tx, seed.actor, {
    orgId: gusu,
    donorId: donor.id,
    channel: 'scan',
    amountFen: 20_000,
    receivedOn: shanghaiDate(new Date(Date.now() - 10 * 86_400_000)),
    appealId: null,
    purpose: '姑苏区困难老人冬季关爱',
  });
}
