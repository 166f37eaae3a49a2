import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { deliverQueuedSms, DevelopmentSmsProvider } from '../../platform/sms/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { giveAs, publicCaller } from './testing.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

let h: Harness;
let lx: string;
let xs: string;
const sms = new DevelopmentSmsProvider();
// One phone that gave at 梁溪区 and at 锡山区 (registered separately by each), one that never gave.
const DONOR = '13700137001';
const STRANGER = '13700137999';
let atLiangxi: { id: number; receiptNo: string };
let atXishan: { id: number; receiptNo: string };

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  atLiangxi = await giveAs(h, lx, h.seed.orgs.liangxi!, { name: '林海燕', mobile: DONOR }, 66_600);
  atXishan = await giveAs(h, xs, h.seed.orgs.xishan!, { name: '林海燕', mobile: DONOR }, 8_800, {
    purpose: '锡山区困难家庭助学',
  });
});
afterAll(() => h?.close());

const donorCookie = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((x) => x.name === 'boai_donor');
  return c ? `boai_donor=${c.value}` : undefined;
};

const backdateCodes = (mobile: string, minutes: number) =>
  h.ctx.db.execute(
    sql`update donor_phone_codes set created_at = created_at - ${`${minutes} minutes`}::interval
        where mobile_hash = ${h.ctx.pii.lookupHash('mobile', mobile)}`,
  );

/**
 * Asks for a code (as if the last one was asked for two minutes ago), lets the outbox deliver it
 * through the development provider, and reads it.
 */
async function codeFor(mobile: string, ip: string): Promise<string> {
  await backdateCodes(mobile, 2);
  const res = await publicCaller(h, ip)('POST', '/api/public/my-gifts/code', { body: { mobile } });
  expect(res.statusCode, res.body).toBe(200);
  await deliverQueuedSms(h.ctx.db, h.ctx.pii, sms);
  const text = sms.lastTo(mobile)!.text;
  return /验证码 (\d{6})/.exec(text)![1]!;
}

async function signIn(mobile: string, ip: string): Promise<string> {
  const code = await codeFor(mobile, ip);
  const res = await publicCaller(h, ip)('POST', '/api/public/my-gifts/login', { body: { mobile, code } });
  expect(res.statusCode, res.body).toBe(200);
  return donorCookie(res)!;
}

describe('signing in to 捐赠查询 with a phone and an SMS code', () => {
  it('sends a 6-digit code by SMS, stores only its hash, and signs in with a separate httpOnly cookie', async () => {
    const call = publicCaller(h, '10.1.0.1');
    const res = await call('POST', '/api/public/my-gifts/code', { body: { mobile: `+86 ${DONOR}` } });
    expect(res.json()).toEqual({
      mobileMasked: '137****7001',
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
    });
    await deliverQueuedSms(h.ctx.db, h.ctx.pii, sms);
    const message = sms.lastTo(DONOR)!;
    expect(message.template).toBe('donor_login_code');
    const code = message.params.code!;
    expect(code).toMatch(/^\d{6}$/);
    expect(message.text).toContain(code);
    const stored = JSON.stringify(await queryRows(h.ctx.db, sql`select * from donor_phone_codes`));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(DONOR);

    const login = await call('POST', '/api/public/my-gifts/login', { body: { mobile: DONOR, code } });
    expect(login.statusCode).toBe(200);
    expect(login.json().mobileMasked).toBe('137****7001');
    const cookie = login.cookies.find((c) => c.name === 'boai_donor')!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      path: '/api/public/my-gifts',
      sameSite: 'Lax',
      maxAge: 1800,
    });
    expect(login.cookies.some((c) => c.name === 'boai_sid')).toBe(false);
    // A code works once.
    const again = await call('POST', '/api/public/my-gifts/login', { body: { mobile: DONOR, code } });
    expect(again.json().fields[0].code).toBe('MY_GIFTS_CODE_WRONG');
  });

  it('answers alike whether or not the phone ever gave', async () => {
    const call = publicCaller(h, '10.1.0.2');
    const a = await call('POST', '/api/public/my-gifts/code', { body: { mobile: '13700137002' } });
    const b = await call('POST', '/api/public/my-gifts/code', { body: { mobile: '13961110022' } }); // 陈美华
    expect(a.statusCode).toBe(b.statusCode);
    expect(Object.keys(a.json())).toEqual(Object.keys(b.json()));
    expect({ ...a.json(), mobileMasked: '' }).toEqual({ ...b.json(), mobileMasked: '' });
    await deliverQueuedSms(h.ctx.db, h.ctx.pii, sms);
    expect(sms.lastTo('13700137002')).toBeDefined();
    expect(sms.lastTo('13961110022')).toBeDefined();
  });

  it('shows one phone all its gifts at 梁溪区 and 锡山区 together, and another phone nothing', async () => {
    const cookie = await signIn(DONOR, '10.1.0.3');
    const mine = (await publicCaller(h, '10.1.0.3')('GET', '/api/public/my-gifts', { cookie })).json();
    expect(mine.signedIn).toBe(true);
    expect(mine.session.mobileMasked).toBe('137****7001');
    expect(mine.gifts.map((g: { id: number }) => g.id).sort()).toEqual([atLiangxi.id, atXishan.id].sort());
    expect(mine.gifts.map((g: { orgName: string }) => g.orgName).sort()).toEqual([
      '梁溪区红十字会',
      '锡山区红十字会',
    ]);
    expect(mine.totalFen).toBe(66_600 + 8_800);
    const designated = mine.gifts.find((g: { id: number }) => g.id === atXishan.id);
    expect(designated.journey.use).toMatchObject({ source: 'gift', designation: '锡山区困难家庭助学' });
    expect(designated.journey.receipt.number).toBe(atXishan.receiptNo);

    const stranger = await signIn(STRANGER, '10.1.0.4');
    const none = (
      await publicCaller(h, '10.1.0.4')('GET', '/api/public/my-gifts', { cookie: stranger })
    ).json();
    expect(none).toMatchObject({ signedIn: true, gifts: [], totalFen: 0, session: { mobileMasked: null } });
  });

  it('lets a donor download the certificate of their own gifts only', async () => {
    const call = publicCaller(h, '10.1.0.5');
    const cookie = await signIn(DONOR, '10.1.0.5');
    const own = await call('GET', `/api/public/my-gifts/${atXishan.id}/certificate.pdf`, { cookie });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain(encodeURIComponent('捐赠证书'));
    const chen = (await h.req('GET', '/api/gifts?pageSize=200', { cookie: lx }))
      .json()
      .items.find((g: { donorName: string }) => g.donorName === '陈美华');
    const others = await call('GET', `/api/public/my-gifts/${chen.id}/certificate.pdf`, { cookie });
    const missing = await call('GET', '/api/public/my-gifts/2000000000/certificate.pdf', { cookie });
    const signedOut = await call('GET', `/api/public/my-gifts/${atXishan.id}/receipt.pdf`);
    const staff = await call('GET', `/api/public/my-gifts/${atXishan.id}/receipt.pdf`, { cookie: xs });
    for (const res of [others, signedOut, staff]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(missing.body);
    }
    if (hasPoppler) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'boai-my-gifts-')), 'receipt.pdf');
      writeFileSync(
        file,
        (await call('GET', `/api/public/my-gifts/${atXishan.id}/receipt.pdf`, { cookie })).rawPayload,
      );
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain(atXishan.receiptNo);
      expect(text).toContain('锡山区红十字会');
      expect(text).toContain('捌拾捌元整');
    }
  });

  it('burns a code after 5 wrong tries, so even the right one then fails', async () => {
    const call = publicCaller(h, '10.1.0.6');
    const mobile = '13700137006';
    const code = await codeFor(mobile, '10.1.0.6');
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        (await call('POST', '/api/public/my-gifts/login', { body: { mobile, code: wrong } })).json().fields[0]
          .code,
      );
    }
    expect(answers).toEqual([...Array(4).fill('MY_GIFTS_CODE_WRONG'), 'MY_GIFTS_CODE_BURNED']);
    const right = await call('POST', '/api/public/my-gifts/login', { body: { mobile, code } });
    expect(right.statusCode).toBe(400);
    expect(donorCookie(right)).toBeUndefined();
  });

  it('refuses a code older than 5 minutes, and a code for another phone', async () => {
    const call = publicCaller(h, '10.1.0.7');
    const mobile = '13700137007';
    const code = await codeFor(mobile, '10.1.0.7');
    expect(
      (await call('POST', '/api/public/my-gifts/login', { body: { mobile: '13700137008', code } }))
        .statusCode,
    ).toBe(400);
    await h.ctx.db.execute(
      sql`update donor_phone_codes set expires_at = now() - interval '1 second' where mobile_hash = ${h.ctx.pii.lookupHash('mobile', mobile)}`,
    );
    const late = await call('POST', '/api/public/my-gifts/login', { body: { mobile, code } });
    expect(late.json().fields[0].code).toBe('MY_GIFTS_CODE_WRONG');
  });

  it('sends at most one code a minute and ten a day to a phone; a new code replaces the old', async () => {
    const call = publicCaller(h, '10.1.0.8');
    const mobile = '13700137010';
    const first = await codeFor(mobile, '10.1.0.8');
    const soon = await call('POST', '/api/public/my-gifts/code', { body: { mobile } });
    expect(soon.statusCode).toBe(429);
    expect(soon.json().code).toBe('MY_GIFTS_CODE_TOO_SOON');
    expect(soon.json().message).toMatch(/请 (60|59|58) 秒后再重新获取/);
    await backdateCodes(mobile, 2);
    const second = await codeFor(mobile, '10.1.0.8');
    const old = await call('POST', '/api/public/my-gifts/login', { body: { mobile, code: first } });
    if (first !== second) expect(old.statusCode).toBe(400);
    for (let i = 2; i < 10; i++) {
      await backdateCodes(mobile, 2);
      expect((await call('POST', '/api/public/my-gifts/code', { body: { mobile } })).statusCode).toBe(200);
    }
    await backdateCodes(mobile, 2);
    const eleventh = await call('POST', '/api/public/my-gifts/code', { body: { mobile } });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().code).toBe('MY_GIFTS_CODE_DAILY_LIMIT');
    await backdateCodes(mobile, 24 * 60);
    expect((await call('POST', '/api/public/my-gifts/code', { body: { mobile } })).statusCode).toBe(200);
  });

  it('sends one code for a retried request (same Idempotency-Key) and caps codes per address', async () => {
    const call = publicCaller(h, '10.1.0.9');
    const count = async () =>
      (await queryRows<{ n: number }>(h.ctx.db, sql`select count(*)::int as n from sms_outbox`))[0]!;
    const before = (await count()).n;
    const headers = { 'idempotency-key': 'my-gifts-code-retry-0001' };
    const a = await call('POST', '/api/public/my-gifts/code', { body: { mobile: '13700137011' }, headers });
    const b = await call('POST', '/api/public/my-gifts/code', { body: { mobile: '13700137011' }, headers });
    expect(b.statusCode).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect((await count()).n).toBe(before + 1);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push(
        (await call('POST', '/api/public/my-gifts/code', { body: { mobile: `1370013${String(7100 + i)}` } }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 19).every((s) => s === 200)).toBe(true);
    expect(statuses[19]).toBe(429);
  });

  it('ends the session after 30 minutes and on logout; neither cookie opens the other side', async () => {
    const call = publicCaller(h, '10.1.0.10');
    const cookie = await signIn(DONOR, '10.1.0.10');
    expect((await call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/api/public/my-gifts', { cookie: lx })).json()).toEqual({
      signedIn: false,
      expired: false,
    });
    await h.ctx.db.execute(sql`update donor_sessions set expires_at = now() - interval '1 second'`);
    expect((await call('GET', '/api/public/my-gifts', { cookie })).json()).toEqual({
      signedIn: false,
      expired: true,
    });
    expect((await call('GET', '/api/public/my-gifts', { cookie })).json()).toEqual({
      signedIn: false,
      expired: false,
    });
    expect(
      (await call('GET', `/api/public/my-gifts/${atLiangxi.id}/certificate.pdf`, { cookie })).statusCode,
    ).toBe(404);

    const again = await signIn(DONOR, '10.1.0.11');
    const out = await call('POST', '/api/public/my-gifts/logout', { cookie: again });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'boai_donor')?.value).toBe('');
    expect((await call('GET', '/api/public/my-gifts', { cookie: again })).json().signedIn).toBe(false);
  });
});
