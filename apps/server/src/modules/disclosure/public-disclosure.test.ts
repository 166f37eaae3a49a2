import { shanghaiDate } from '@boai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { approveDisbursement } from '../disbursements/approve-disbursement.ts';

let h: Harness;
let wx: string;
let orgId: number;
const DAY = 86_400_000;
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY));
const today = () => daysAgo(0);

beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
  orgId = h.seed.orgs.jiangyin!;
});
afterAll(() => h?.close());

async function donor(body: Record<string, unknown>): Promise<number> {
  const res = await h.req('POST', '/api/donors', { cookie: wx, body: { orgId, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().donor.id;
}
async function gift(donorId: number, amountFen: number, body: Record<string, unknown> = {}) {
  const res = await h.req('POST', '/api/gifts', {
    cookie: wx,
    body: { orgId, donorId, channel: 'scan', amountFen, receivedOn: today(), ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; receiptNo: string };
}
const publish = async (day: string) => {
  const res = await h.req('POST', '/api/disclosure/batches', { cookie: wx, body: { orgId, day } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number };
};
const get = async (url: string) => {
  const res = await h.req('GET', url);
  expect(res.statusCode, `${url} ${res.body}`).toBe(200);
  return res.json();
};
const roll = (section: 'named' | 'unnamed') =>
  get(`/api/public/honour-roll?orgId=${orgId}&section=${section}&pageSize=200`);
const search = (q: string) =>
  get(`/api/public/disclosure/search?orgId=${orgId}&q=${encodeURIComponent(q)}&pageSize=200`);

describe('public disclosure pages', () => {
  let appealId: number;
  let early: { id: number; receiptNo: string };
  let masked: number;

  it('shows nothing that is not published: totals, search, honour roll and appeal stay unchanged', async () => {
    const appeal = await h.req('POST', '/api/appeals', {
      cookie: wx,
      body: { orgId, kind: 'appeal', name: '江阴长江流域防汛专项', targetFen: 10_000_000 },
    });
    appealId = appeal.json().id;
    masked = await donor({ kind: 'person', name: '夏雨晴', mobile: '13951234567' });
    early = await gift(masked, 66_600, { appealId, receivedOn: daysAgo(2) });
    const before = await get(`/api/public/disclosure/orgs/${orgId}`);
    expect(before).toMatchObject({ lastDay: null, funds: { receivedFen: 0, giftCount: 0 } });
    expect((await search('夏')).items).toEqual([]);
    expect((await search(early.receiptNo)).items).toEqual([]);
    expect((await roll('unnamed')).items).toEqual([]);
    const a = await get(`/api/public/disclosure/appeals/${appealId}`);
    expect(a).toMatchObject({ targetFen: 10_000_000, funds: { receivedFen: 0 }, lines: { items: [] } });
    expect(
      (await get('/api/public/disclosure/orgs')).items.map((o: { orgId: number }) => o.orgId),
    ).not.toContain(orgId);

    const batch = await publish(daysAgo(2));
    const after = await get(`/api/public/disclosure/orgs/${orgId}`);
    expect(after).toMatchObject({
      lastDay: daysAgo(2),
      funds: { receivedFen: 66_600, giftCount: 1, spentFen: 0, balanceFen: 66_600 },
    });
    expect(after.batches.items.map((b: { id: number }) => b.id)).toEqual([batch.id]);
    expect(after.batches.items[0].publishedBy).toBeUndefined();
    expect((await search('夏')).items.map((l: { publicName: string }) => l.publicName)).toEqual(['夏*晴']);
    const appealPage = await get(`/api/public/disclosure/appeals/${appealId}`);
    expect(appealPage.funds).toMatchObject({ receivedFen: 66_600, balanceFen: 66_600 });
    expect(appealPage.lines.items).toHaveLength(1);
  });

  it('finds a gift by either number of a receipt voided and reissued, and never by the hidden real name', async () => {
    const reissued = await h.req('POST', `/api/gifts/${early.id}/reissue`, {
      cookie: wx,
      body: { reason: '票据抬头打印错误' },
    });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const newNo = reissued.json().receiptNo;
    expect(newNo).not.toBe(early.receiptNo);
    for (const no of [early.receiptNo, newNo]) {
      const found = await search(no);
      expect(found.items.map((l: { receiptNo: string }) => l.receiptNo)).toEqual([early.receiptNo]);
    }
    expect((await search('夏雨晴')).items).toEqual([]);
    expect((await search('4567')).items).toEqual([]);
    // A LIKE wildcard typed by the public is a character, not "everything".
    expect((await search('%')).items).toEqual([]);
  });

  it('shows where a designated gift went: its receipt number finds the gift and the disbursement it paid for', async () => {
    const wuxi = h.seed.orgs.wuxi!;
    const d = await h.req('POST', '/api/donors', {
      cookie: wx,
      body: { orgId: wuxi, kind: 'person', name: '钱学林', nameConsent: false },
    });
    const purpose = '资助梁溪区困难家庭学生助学';
    const g = await h.req('POST', '/api/gifts', {
      cookie: wx,
      body: {
        orgId: wuxi,
        donorId: d.json().donor.id,
        channel: 'bank',
        amountFen: 300_000,
        receivedOn: today(),
        purpose,
      },
    });
    expect(g.statusCode, g.body).toBe(200);
    const asked = await h.req('POST', '/api/disbursements', {
      cookie: wx,
      body: {
        orgId: wuxi,
        giftId: g.json().id,
        amountFen: 120_000,
        purpose,
        recipientOrgId: h.seed.orgs.liangxi,
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await h.ctx.db.transaction((tx) =>
      approveDisbursement(tx, systemActor('test-approver'), asked.json().id, {}),
    );
    const batch = await h.req('POST', '/api/disclosure/batches', {
      cookie: wx,
      body: { orgId: wuxi, day: today() },
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const found = await get(
      `/api/public/disclosure/search?orgId=${wuxi}&q=${g.json().receiptNo}&pageSize=200`,
    );
    expect(
      found.items.map((l: { kind: string; publicName: string; amountFen: number; designation: string }) => [
        l.kind,
        l.publicName,
        l.amountFen,
        l.designation,
      ]),
    ).toEqual([
      ['gift', '钱*林', 300_000, `定向：${purpose}`],
      ['disbursement', '梁溪区红十字会', 120_000, `定向：${purpose}`],
    ]);
  });

  it('totals enterprises and consenting persons by name, and lists every unnamed gift on its own', async () => {
    const firm = await donor({ kind: 'enterprise', name: '江阴澄江化纤有限公司' });
    const named = await donor({ kind: 'person', name: '陆振华', nameConsent: true });
    const anonA = await donor({ kind: 'anonymous', mobile: '13700001234' });
    const anonB = await donor({ kind: 'anonymous', mobile: null });
    // Two different people whose masked names are the same: 夏*晴.
    const namesake = await donor({ kind: 'person', name: '夏天晴', nameConsent: false });
    await gift(firm, 500_000, { channel: 'bank' });
    await gift(firm, 300_000, { channel: 'bank' });
    await gift(named, 2_000);
    await gift(named, 3_000);
    await gift(anonA, 100);
    await gift(anonA, 200);
    await gift(anonB, 300);
    await gift(masked, 1_000);
    await gift(namesake, 1_100);
    await publish(today());

    expect((await roll('named')).items).toEqual([
      { publicName: '江阴澄江化纤有限公司', amountFen: 800_000, giftCount: 2, lastOn: today() },
      { publicName: '陆振华', amountFen: 5_000, giftCount: 2, lastOn: today() },
    ]);
    const unnamed = await roll('unnamed');
    expect(
      unnamed.items.map((e: { publicName: string; amountFen: number }) => [e.publicName, e.amountFen]),
    ).toEqual([
      ['夏*晴', 66_600],
      ['夏*晴', 1_100],
      ['夏*晴', 1_000],
      ['爱心人士', 300],
      ['爱心人士', 200],
      ['爱心人士', 100],
    ]);
    expect(unnamed.items.every((e: { giftCount: number }) => e.giftCount === 1)).toBe(true);
    const text = JSON.stringify([unnamed, await roll('named'), await search('爱心人士')]);
    for (const secret of ['夏雨晴', '夏天晴', '13700001234', '137****1234', 'donorId']) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });

  it('stops totalling a person the moment they withdraw consent (the published lines stay as they are)', async () => {
    const d = (await h.req('GET', `/api/donors?q=${encodeURIComponent('陆振华')}`, { cookie: wx })).json()
      .items[0].id;
    const res = await h.req('PATCH', `/api/donors/${d}`, { cookie: wx, body: { nameConsent: false } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await roll('named')).items.map((e: { publicName: string }) => e.publicName)).toEqual([
      '江阴澄江化纤有限公司',
    ]);
    const unnamed = (await roll('unnamed')).items.filter(
      (e: { publicName: string }) => e.publicName === '陆振华',
    );
    expect(unnamed.map((e: { amountFen: number; giftCount: number }) => [e.amountFen, e.giftCount])).toEqual([
      [3_000, 1],
      [2_000, 1],
    ]);
  });

  it('pages a batch, the society page and the honour roll', async () => {
    const org = await get(`/api/public/disclosure/orgs/${orgId}?pageSize=1`);
    expect(org.batches).toMatchObject({ total: 2, pageSize: 1 });
    expect(org.batches.items[0].day).toBe(today());
    const batch = await get(`/api/public/disclosure/batches/${org.batches.items[0].id}?pageSize=4&page=2`);
    expect(batch.lines).toMatchObject({ total: 9, page: 2 });
    expect(batch.lines.items.map((l: { lineNo: number }) => l.lineNo)).toEqual([5, 6, 7, 8]);
    const firstPage = await get(`/api/public/honour-roll?orgId=${orgId}&section=unnamed&pageSize=2`);
    expect(firstPage).toMatchObject({ total: 8, pageSize: 2 });
    expect(firstPage.items).toHaveLength(2);
    const list = await get('/api/public/disclosure/orgs');
    expect(list.items.find((o: { orgId: number }) => o.orgId === orgId)).toMatchObject({
      lastDay: today(),
      receivedFen: 66_600 + 800_000 + 5_000 + 600 + 2_100,
    });
  });

  it('answers NOT_FOUND for a society, batch or appeal that does not exist', async () => {
    for (const url of [
      '/api/public/disclosure/orgs/2000000000',
      '/api/public/disclosure/batches/2000000000',
      '/api/public/disclosure/appeals/2000000000',
      '/api/public/honour-roll?orgId=2000000000',
    ]) {
      const res = await h.req('GET', url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await h.req('GET', `/api/public/disclosure/search?orgId=${orgId}&q=`)).statusCode).toBe(400);
  });

  it('answers malformed ids and parameters with a 400 in the one error shape, never a 5xx', async () => {
    const urls = ['abc', '0', '-1', '2147483648', '1.5', '%27', encodeURIComponent('1;drop')].flatMap(
      (bad) => [
        `/api/public/disclosure/orgs/${bad}`,
        `/api/public/disclosure/batches/${bad}`,
        `/api/public/disclosure/appeals/${bad}`,
        `/api/public/honour-roll?orgId=${bad}`,
        `/api/public/disclosure/search?orgId=${bad}&q=x`,
      ],
    );
    urls.push(
      `/api/public/disclosure/search?orgId=${orgId}&q=${'张'.repeat(51)}`,
      `/api/public/honour-roll?orgId=${orgId}&section=all`,
      `/api/public/disclosure/appeals/${appealId}?list=reversal`,
      `/api/public/disclosure/orgs/${orgId}?pageSize=201`,
    );
    for (const url of urls) {
      const res = await h.req('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
    }
  });
});
