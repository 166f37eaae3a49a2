import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverQueuedSms, DevelopmentSmsProvider } from '../../platform/sms/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { giveAs, publicCaller } from './testing.ts';

/**
 * Where the money went: each gift of a signed-in donor shows the approved disbursements of the fund it
 * joined (its appeal, itself when designated to a purpose, or the society's undesignated money) and
 * the day it was published in the daily disclosure.
 */

let h: Harness;
let lx: string;
const MOBILE = '13700138001';
const ip = '10.2.0.1';
let appealId: number;
let toAppeal: { id: number };
let designated: { id: number };
let general: { id: number };

const disburse = (
  fund: { appealId?: number; giftId?: number; orgId: number },
  amountFen: number,
  purpose: string,
  status: 'approved' | 'pending' = 'approved',
) =>
  h.ctx.db.execute(sql`
    insert into disbursements (org_id, appeal_id, gift_id, amount_fen, purpose, recipient_org_id, status,
                               requested_by, decided_by, decided_at, paid_on)
    values (${fund.orgId}, ${fund.appealId ?? null}, ${fund.giftId ?? null}, ${amountFen}, ${purpose},
            ${h.seed.orgs.chonganshi!}, ${status}, 'lx_admin', ${status === 'approved' ? 'wx_admin' : null},
            ${status === 'approved' ? sql`now()` : null}, ${status === 'approved' ? shanghaiDate(new Date()) : null})`);

async function signedInGifts() {
  const call = publicCaller(h, ip);
  await h.ctx.db.execute(sql`update donor_phone_codes set created_at = created_at - interval '2 minutes'`);
  expect((await call('POST', '/api/public/my-gifts/code', { body: { mobile: MOBILE } })).statusCode).toBe(
    200,
  );
  const sms = new DevelopmentSmsProvider();
  await deliverQueuedSms(h.ctx.db, h.ctx.pii, sms);
  const login = await call('POST', '/api/public/my-gifts/login', {
    body: { mobile: MOBILE, code: sms.lastTo(MOBILE)!.params.code },
  });
  const cookie = `boai_donor=${login.cookies.find((c) => c.name === 'boai_donor')!.value}`;
  const list = (await call('GET', '/api/public/my-gifts', { cookie })).json();
  return (id: number) => list.gifts.find((g: { id: number }) => g.id === id);
}

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  const liangxi = h.seed.orgs.liangxi!;
  const appeal = await h.req('POST', '/api/appeals', {
    cookie: lx,
    body: { orgId: liangxi, kind: 'appeal', name: '梁溪区冬季送温暖专项' },
  });
  appealId = appeal.json().id;
  const donor = { name: '马晓丽', mobile: MOBILE };
  toAppeal = await giveAs(h, lx, liangxi, donor, 50_000, { appealId });
  designated = await giveAs(h, lx, liangxi, donor, 20_000, { purpose: '崇安寺街道独居老人助餐' });
  general = await giveAs(h, lx, liangxi, donor, 10_000);
  await disburse({ orgId: liangxi, appealId }, 30_000, '冬季慰问物资采购');
  await disburse({ orgId: liangxi, appealId }, 12_000, '困难家庭慰问金');
  await disburse({ orgId: liangxi, appealId }, 5_000, '尚在审批的拨付', 'pending');
  await disburse({ orgId: liangxi, giftId: designated.id }, 20_000, '独居老人助餐补贴');
  await disburse({ orgId: h.seed.orgs.xishan!, appealId: undefined }, 99_900, '锡山区的拨付');
});
afterAll(() => h?.close());

describe("a donor's gift journey", () => {
  it('shows the approved disbursements of the fund each gift joined, never pending ones or other funds', async () => {
    const gift = await signedInGifts();
    expect(gift(toAppeal.id).journey.use).toMatchObject({
      source: 'appeal',
      designation: '梁溪区冬季送温暖专项',
      totalFen: 42_000,
    });
    const purposes = gift(toAppeal.id).journey.use.items.map((u: { purpose: string }) => u.purpose);
    expect(new Set(purposes)).toEqual(new Set(['困难家庭慰问金', '冬季慰问物资采购']));
    expect(purposes).toHaveLength(2);
    expect(gift(toAppeal.id).journey.use.items[0].recipient).toBe('崇安寺街道红十字会');
    expect(gift(designated.id).journey.use).toMatchObject({
      source: 'gift',
      designation: '崇安寺街道独居老人助餐',
      totalFen: 20_000,
      items: [{ purpose: '独居老人助餐补贴', amountFen: 20_000 }],
    });
    const undesignated = gift(general.id).journey.use;
    expect(undesignated).toMatchObject({ source: 'general', designation: null });
    expect(undesignated.items.some((u: { purpose: string }) => u.purpose === '锡山区的拨付')).toBe(false);
    expect(gift(general.id).journey.published).toBeNull();
  });

  it("shows the day a gift was published in its society's daily disclosure", async () => {
    const today = shanghaiDate(new Date());
    const batch = await h.req('POST', '/api/disclosure/batches', {
      cookie: lx,
      body: { orgId: h.seed.orgs.liangxi, day: today },
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const gift = await signedInGifts();
    for (const g of [toAppeal, designated, general]) {
      expect(gift(g.id).journey.published).toEqual({ day: today, batchId: batch.json().id });
    }
  });
});
