import { idCardCheckChar, usccCheckChar } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiVault } from '../../platform/pii/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { rotateDonorPii } from './rotate-pii.ts';

let h: Harness;
let lx: string;
const ID = '32021319851203006';
const idCard = ID + idCardCheckChar(ID);
const USCC = '91320213MA1XYW120';
const uscc = USCC + usccCheckChar(USCC);

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
});
afterAll(() => h?.close());

const register = (body: Record<string, unknown>) =>
  h.req('POST', '/api/donors', { cookie: lx, body: { orgId: h.seed.orgs.liangxi, ...body } });

describe('donors', () => {
  it('finds a person again by 身份证 instead of registering them twice', async () => {
    const first = await register({ kind: 'person', name: '王秀英', idCard, mobile: '13961119999' });
    expect(first.statusCode).toBe(200);
    expect(first.json().existing).toBe(false);
    const again = await register({
      kind: 'person',
      name: '王秀英',
      idCard: idCard.toLowerCase(),
      mobile: '13800000000',
    });
    expect(again.json()).toMatchObject({ existing: true, donor: { id: first.json().donor.id } });
  });

  it('finds an enterprise again by 统一社会信用代码, and a person without ID by mobile (same kind only)', async () => {
    const e1 = (await register({ kind: 'enterprise', name: '梁溪某科技有限公司', uscc })).json();
    const e2 = (await register({ kind: 'enterprise', name: '梁溪某科技公司（简称）', uscc })).json();
    expect(e2).toMatchObject({ existing: true, donor: { id: e1.donor.id, name: '梁溪某科技有限公司' } });
    const p1 = (await register({ kind: 'person', name: '赵敏', mobile: '13961118888' })).json();
    const p2 = (await register({ kind: 'person', name: '赵敏', mobile: '+86 139 6111 8888' })).json();
    expect(p2.donor.id).toBe(p1.donor.id);
    const ent = (await register({ kind: 'enterprise', name: '赵敏的公司', mobile: '13961118888' })).json();
    expect(ent.existing).toBe(false);
  });

  it('shows the public name by consent: persons masked, consenting persons and enterprises in full, anonymous as 爱心人士', async () => {
    const masked = (await register({ kind: 'person', name: '欧阳明月', nameConsent: false })).json().donor;
    const named = (
      await register({ kind: 'person', name: '李春', nameConsent: true, mobile: '13961117777' })
    ).json().donor;
    const anon = (await register({ kind: 'anonymous' })).json().donor;
    expect(masked.publicName).toBe('欧**月');
    expect(named.publicName).toBe('李春');
    expect(anon.publicName).toBe('爱心人士');
    expect(anon.name).toBe('爱心人士');
  });

  it('keeps 身份证 and mobile encrypted at rest, shows them masked, and searches them only by the exact number', async () => {
    const rows = await h.ctx.db.execute(
      sql`select id_card_enc, mobile_enc from donors where name = '王秀英'`,
    );
    const raw = JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
    expect(raw).not.toContain(idCard);
    expect(raw).not.toContain('13961119999');
    const exact = (await h.req('GET', `/api/donors?q=${idCard}`, { cookie: lx })).json();
    expect(exact.items.map((d: { name: string }) => d.name)).toEqual(['王秀英']);
    expect(exact.items[0].idCardMasked).toBe(`${idCard.slice(0, 3)}***********${idCard.slice(-4)}`);
    expect(exact.items[0].mobileMasked).toBe('139****9999');
    const partial = (await h.req('GET', `/api/donors?q=${idCard.slice(0, 10)}`, { cookie: lx })).json();
    expect(partial.total).toBe(0);
    const byName = (await h.req('GET', `/api/donors?q=${encodeURIComponent('秀英')}`, { cookie: lx })).json();
    expect(byName.total).toBe(1);
  });

  it('rejects a wrong 身份证 check digit with a field error, and stores nothing', async () => {
    const before = (await h.req('GET', '/api/donors?pageSize=200', { cookie: lx })).json().total;
    const bad = await register({
      kind: 'person',
      name: '错号',
      idCard: ID + (idCardCheckChar(ID) === '1' ? '2' : '1'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('body.idCard');
    expect((await h.req('GET', '/api/donors?pageSize=200', { cookie: lx })).json().total).toBe(before);
  });

  it('records one donor when ten clerks enter the same person at once', async () => {
    const ID2 = '32021319700101007';
    const same = ID2 + idCardCheckChar(ID2);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => register({ kind: 'person', name: '钱大爷', idCard: same })),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(results.map((r) => r.json().donor.id)).size).toBe(1);
    expect(results.filter((r) => !r.json().existing)).toHaveLength(1);
  });

  it('lets staff edit consent, and audits it without the personal numbers', async () => {
    const d = (await h.req('GET', '/api/donors?q=13961119999', { cookie: lx })).json().items[0];
    const res = await h.req('PATCH', `/api/donors/${d.id}`, { cookie: lx, body: { nameConsent: true } });
    expect(res.json().publicName).toBe('王秀英');
    const audit = (await h.req('GET', `/api/audit?entityType=donor&entityId=${d.id}`, { cookie: lx })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['donors.update', 'donors.create']);
    expect(JSON.stringify(audit.items)).not.toContain('13961119999');
  });

  it('re-encrypts donors under a rotated key', async () => {
    const rotated = createPiiVault({
      keys: { t1: Buffer.alloc(32, 7), t2: Buffer.alloc(32, 8) },
      activeKeyId: 't2',
      lookupKey: Buffer.alloc(32, 9),
    });
    const n = await h.ctx.db.transaction((tx) => rotateDonorPii(tx, rotated));
    expect(n).toBeGreaterThan(5);
    expect(await h.ctx.db.transaction((tx) => rotateDonorPii(tx, rotated))).toBe(0);
  });
});
