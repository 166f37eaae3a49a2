import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { documentTokenAllows, issueDocumentToken } from './document-token.ts';
import { giveAs, publicCaller } from './testing.ts';

let h: Harness;
let lx: string;
let chen: { id: number; receiptNo: string }; // 陈美华, 13961110022, demo gift of 1,000 yuan to 天使计划
let jiang: { id: number; receiptNo: string }; // 蒋小燕 left no mobile

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  const all = (await h.req('GET', '/api/gifts?pageSize=200', { cookie: lx })).json().items;
  chen = all.find((g: { donorName: string }) => g.donorName === '陈美华');
  jiang = all.find((g: { donorName: string }) => g.donorName === '蒋小燕');
});
afterAll(() => h?.close());

const MISSING_RECEIPT = '20990001999999';

describe('finding a gift by receipt number and the last 4 digits of the phone', () => {
  it('answers the gift, its receipt, where it went and a token for its PDFs', async () => {
    const call = publicCaller(h, '10.0.0.1');
    const res = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: chen.receiptNo, phoneLast4: '0022' },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.receipt).toMatchObject({ number: chen.receiptNo, status: 'issued', donorPublicName: '陈*华' });
    expect(r.gift).toMatchObject({
      id: chen.id,
      amountFen: 100_000,
      orgName: '梁溪区红十字会',
      appealName: '“天使计划”困境儿童医疗救助',
      publicName: '陈*华',
      receiptNo: chen.receiptNo,
      status: 'confirmed',
    });
    expect(r.gift.journey.receipt.number).toBe(chen.receiptNo);
    expect(r.gift.journey.use).toMatchObject({ source: 'appeal', designation: '“天使计划”困境儿童医疗救助' });
    // Nothing that identifies the donor beyond what they typed: no full name, no phone.
    expect(res.body).not.toContain('陈美华');
    expect(res.body).not.toContain('13961110022');

    for (const doc of ['certificate', 'receipt']) {
      const pdf = await call('GET', `/api/public/my-gifts/${chen.id}/${doc}.pdf?token=${r.documentToken}`);
      expect(pdf.statusCode, doc).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('gives the same answer for a wrong phone, a missing receipt and a donor who left no phone', async () => {
    const call = publicCaller(h, '10.0.0.2');
    const wrong = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: chen.receiptNo, phoneLast4: '1234' },
    });
    const missing = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: MISSING_RECEIPT, phoneLast4: '0022' },
    });
    const noPhone = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: jiang.receiptNo, phoneLast4: '0000' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('MY_GIFTS_NO_MATCH');
    expect(missing.body).toBe(wrong.body);
    expect(noPhone.body).toBe(wrong.body);
    expect(wrong.json().message).toContain('请联系接收捐赠的红十字会');
    const en = await h.app.inject({
      method: 'POST',
      url: '/api/public/my-gifts/lookup',
      remoteAddress: '10.0.0.2',
      headers: { 'accept-language': 'en' },
      payload: { receiptNo: MISSING_RECEIPT, phoneLast4: '0022' },
    });
    expect(en.json().message).toMatch(/ask the society/);
  });

  it('refuses a receipt number for 15 minutes after 5 wrong tries — existing or not, alike', async () => {
    const call = publicCaller(h, '10.0.0.3');
    const gift = await giveAs(h, lx, h.seed.orgs.liangxi!, { name: '钱晓东', mobile: '13800138022' }, 20_000);
    const tries = async (receiptNo: string, phoneLast4: string) =>
      (await call('POST', '/api/public/my-gifts/lookup', { body: { receiptNo, phoneLast4 } })).statusCode;
    const real: number[] = [];
    const fake: number[] = [];
    for (let i = 0; i < 5; i++) {
      real.push(await tries(gift.receiptNo, `900${i}`));
      fake.push(await tries('20990001888888', `900${i}`));
    }
    expect(real).toEqual([404, 404, 404, 404, 404]);
    expect(fake).toEqual(real);
    // Now even the right digits are refused, with the same answer as for the receipt that does not exist.
    const locked = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: gift.receiptNo, phoneLast4: '8022' },
    });
    const lockedFake = await call('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: '20990001888888', phoneLast4: '8022' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      code: 'MY_GIFTS_TOO_MANY_TRIES',
      message: '尝试次数过多，请 15 分钟后再试',
    });
    expect(lockedFake.body).toBe(locked.body);
    // Other receipts are not affected, and once the 15 minutes are over the right answer works again.
    expect(await tries(chen.receiptNo, '4321')).toBe(404);
    await h.ctx.db.execute(
      sql`update login_throttle set locked_until = now() - interval '1 second' where username_key = ${`my-gifts:receipt:${gift.receiptNo}`}`,
    );
    expect(await tries(gift.receiptNo, '8022')).toBe(200);
    // A right answer starts the count again: four more wrong tries are still answered.
    for (let i = 0; i < 4; i++) expect(await tries(gift.receiptNo, '1111')).toBe(404);
  });

  it('refuses an address that keeps guessing across many receipt numbers', async () => {
    const call = publicCaller(h, '10.0.0.4');
    const gift = await giveAs(h, lx, h.seed.orgs.liangxi!, { name: '吴佳怡', mobile: '13800138033' }, 30_000);
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const receiptNo = `2099000170${String(i).padStart(4, '0')}`;
      codes.push(
        (await call('POST', '/api/public/my-gifts/lookup', { body: { receiptNo, phoneLast4: '0022' } }))
          .statusCode,
      );
    }
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes[20]).toBe(429);
    // The right answer from that address is refused too; another address is not.
    const body = { receiptNo: gift.receiptNo, phoneLast4: '8033' };
    expect((await call('POST', '/api/public/my-gifts/lookup', { body })).statusCode).toBe(429);
    const other = await publicCaller(h, '10.0.0.5')('POST', '/api/public/my-gifts/lookup', { body });
    expect(other.statusCode).toBe(200);
  });

  it('finds a gift by its voided receipt too, saying it was voided and what replaced it', async () => {
    const gift = await giveAs(h, lx, h.seed.orgs.liangxi!, { name: '周立新', mobile: '13800138123' }, 5_000);
    const reissued = await h.req('POST', `/api/gifts/${gift.id}/reissue`, {
      cookie: lx,
      body: { reason: '捐赠人姓名有误，冲红重开' },
    });
    expect(reissued.statusCode).toBe(200);
    const res = await publicCaller(h, '10.0.0.6')('POST', '/api/public/my-gifts/lookup', {
      body: { receiptNo: gift.receiptNo, phoneLast4: '8123' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toMatchObject({ status: 'voided', replacedBy: reissued.json().receiptNo });
    expect(res.json().gift.receiptNo).toBe(reissued.json().receiptNo);
  });

  it("opens only that gift's PDFs with the token, and not once it is expired or altered", async () => {
    const call = publicCaller(h, '10.0.0.7');
    const r = (
      await call('POST', '/api/public/my-gifts/lookup', {
        body: { receiptNo: chen.receiptNo, phoneLast4: '0022' },
      })
    ).json();
    const other = await call(
      'GET',
      `/api/public/my-gifts/${jiang.id}/certificate.pdf?token=${r.documentToken}`,
    );
    const missing = await call(
      'GET',
      `/api/public/my-gifts/2000000000/certificate.pdf?token=${r.documentToken}`,
    );
    const none = await call('GET', `/api/public/my-gifts/${chen.id}/certificate.pdf`);
    const altered = r.documentToken.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'));
    const tampered = await call('GET', `/api/public/my-gifts/${chen.id}/receipt.pdf?token=${altered}`);
    for (const res of [other, none, tampered]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(missing.body);
    }
    const now = new Date();
    const { token } = issueDocumentToken(h.ctx.pii, chen.id, now);
    expect(documentTokenAllows(h.ctx.pii, token, chen.id, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(documentTokenAllows(h.ctx.pii, token, chen.id, new Date(now.getTime() + 16 * 60_000))).toBe(false);
    expect(documentTokenAllows(h.ctx.pii, token, chen.id + 1, now)).toBe(false);
  });
});
