import fc from 'fast-check';
import { shanghaiDate } from '@boai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { DEMO_PASSWORD, startHarness, type Harness } from '../../testing/harness.ts';
import { createUser } from '../staff/create-user.ts';
import { makeUser } from '../../testing/factories.ts';
import { fundBalance } from './index.ts';

/**
 * The reservation rule under real concurrency (on PostgreSQL the app's pool runs these requests on
 * ten connections at once): whatever the interleaving, a fund never goes below zero and every
 * accepted request is backed by money.
 */
let h: Harness;
let lx: string;
let lx2: string;
let clerk: string;
let n = 0;
const post = (url: string, cookie: string, body: unknown) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'idempotency-key': `conc-${++n}-${Date.now()}` },
    payload: body as object,
  });

type Kind = 'appeal' | 'gift' | 'general';

/** A fresh fund of 广益街道 holding exactly `fen`; general funds get a fresh society so they start empty. */
async function fund(kind: Kind, fen: number) {
  let orgId = h.seed.orgs.guangyi!;
  if (kind === 'general') {
    const org = await post('/api/orgs', lx, {
      parentId: orgId,
      name: `测试社区红十字会${++n}`,
      level: 'grassroots',
    });
    expect(org.statusCode, org.body).toBe(200);
    orgId = org.json().id;
  }
  const donor = (
    await post('/api/donors', lx, { orgId, kind: 'enterprise', name: `并发测试企业${++n}` })
  ).json().donor;
  const appealId =
    kind === 'appeal'
      ? (await post('/api/appeals', lx, { orgId, kind: 'appeal', name: `并发专项${n}` })).json().id
      : null;
  const gift = (
    await post('/api/gifts', lx, {
      orgId,
      donorId: donor.id,
      channel: 'bank',
      amountFen: fen,
      receivedOn: shanghaiDate(new Date()),
      appealId,
      purpose: kind === 'gift' ? '并发测试定向用途' : null,
    })
  ).json();
  const key = { orgId, appealId, giftId: kind === 'gift' ? (gift.id as number) : null };
  const request = (amountFen: number, cookie = lx) =>
    post('/api/disbursements', cookie, {
      orgId,
      ...(appealId ? { appealId } : {}),
      ...(kind === 'gift' ? { giftId: gift.id } : {}),
      amountFen,
      purpose: kind === 'gift' ? '并发测试定向用途' : '应急救助',
      recipientName: '受助人',
    });
  return { key, request };
}

beforeAll(async () => {
  h = await startHarness();
  await makeUser(h.ctx, 'lx_second', h.seed.orgs.liangxi!, 'admin');
  lx = await h.login('lx_admin');
  lx2 = await h.login('lx_second');
  // A clerk who may request (and read) but not approve.
  const role = await post('/api/roles', await h.login('js_admin'), {
    orgId: h.seed.orgs.province,
    code: 'disb_clerk',
    name: '拨付经办',
    permissions: ['disbursements:request', 'donations:read'],
  });
  await h.ctx.db.transaction((tx) =>
    createUser(tx, { pii: h.ctx.pii, policy: { minLength: 10, minClasses: 3 } }, systemActor('test'), {
      orgId: h.seed.orgs.liangxi!,
      username: 'lx_clerk',
      displayName: '经办员',
      mobile: null,
      password: DEMO_PASSWORD,
      grants: [{ roleId: role.json().id, orgId: h.seed.orgs.liangxi!, scope: 'subtree' }],
    }),
  );
  clerk = await h.login('lx_clerk');
});
afterAll(() => h?.close());

describe('concurrent requests on one fund', () => {
  for (const kind of ['appeal', 'gift', 'general'] as const) {
    it(`accepts exactly ten of 40 concurrent 100-yuan requests on 1,000 yuan (${kind})`, async () => {
      const f = await fund(kind, 100_000);
      const results = await Promise.all(Array.from({ length: 40 }, () => f.request(10_000)));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(10);
      expect(codes.filter((c) => c === 400)).toHaveLength(30);
      for (const r of results.filter((r) => r.statusCode === 400))
        expect(r.json().fields[0].code).toBe('DISBURSEMENT_INSUFFICIENT_FUNDS');
      expect(await fundBalance(h.ctx.db, f.key)).toEqual({
        receivedFen: 100_000,
        committedFen: 100_000,
        balanceFen: 0,
      });
    });
  }

  it('lets exactly one of a concurrent approve and cancel of the same request win', async () => {
    const f = await fund('appeal', 100_000);
    const winners = new Set<string>();
    for (let i = 0; i < 10; i++) {
      // The clerk asks and withdraws; an admin approves at the same moment.
      const d = (await f.request(1_000, clerk)).json();
      const [approve, cancel] = await Promise.all([
        post(`/api/disbursements/${d.id}/approve`, lx, {}),
        post(`/api/disbursements/${d.id}/cancel`, clerk, { reason: '撤回' }),
      ]);
      expect([approve.statusCode, cancel.statusCode].sort(), `${approve.body} / ${cancel.body}`).toEqual(
        approve.statusCode === 200 ? [200, 403] : [200, 409],
      );
      const winner = approve.statusCode === 200 ? approve : cancel;
      const loser = approve.statusCode === 200 ? cancel : approve;
      winners.add(winner.json().status);
      // The loser saw the winner's outcome: an approved request is no longer the clerk's to withdraw.
      expect(loser.json().code).toBe(
        approve.statusCode === 200 ? 'DISBURSEMENT_CANCEL_NOT_ALLOWED' : 'DISBURSEMENT_NOT_PENDING',
      );
    }
    const approvedCount = (
      await h.req('GET', `/api/disbursements?appealId=${f.key.appealId}&status=approved`, { cookie: lx })
    ).json().total;
    expect(await fundBalance(h.ctx.db, f.key)).toMatchObject({ committedFen: approvedCount * 1_000 });
  });

  it('lets exactly one of a concurrent approve and reject win', async () => {
    const f = await fund('appeal', 100_000);
    for (let i = 0; i < 8; i++) {
      const d = (await f.request(1_000, lx2)).json();
      const results = await Promise.all([
        post(`/api/disbursements/${d.id}/approve`, lx, {}),
        post(`/api/disbursements/${d.id}/reject`, lx, { note: '驳回' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('DISBURSEMENT_NOT_PENDING');
    }
    const b = await fundBalance(h.ctx.db, f.key);
    expect(b.balanceFen).toBeGreaterThanOrEqual(100_000 - 8 * 1_000);
  });
});

describe('model test: random amounts and decisions', () => {
  it('keeps balance = received − pending − approved, never negative, whatever runs at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Kind>('appeal', 'gift', 'general'),
        fc.integer({ min: 1, max: 200_000 }),
        fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom('approve', 'reject', 'cancel', 'keep'), { minLength: 25, maxLength: 25 }),
        async (kind, receivedFen, amounts, decisions) => {
          const f = await fund(kind, receivedFen);
          const results = await Promise.all(amounts.map((a) => f.request(a)));
          const accepted = results.filter((r) => r.statusCode === 200).map((r) => r.json());
          for (const r of results) expect([200, 400]).toContain(r.statusCode);
          const afterRequests = await fundBalance(h.ctx.db, f.key);
          expect(afterRequests.balanceFen).toBeGreaterThanOrEqual(0);
          expect(afterRequests.committedFen).toBe(accepted.reduce((s, d) => s + d.amountFen, 0));
          // A refused amount exceeded the balance when it was checked, and balances only fell since.
          amounts
            .filter((_, i) => results[i]!.statusCode === 400)
            .forEach((a) => expect(a).toBeGreaterThan(afterRequests.balanceFen));

          // Decide them all at once (by the other admin), then check the books against the outcome.
          const decided = await Promise.all(
            accepted.map((d, i) => {
              const what = decisions[i]!;
              if (what === 'keep') return Promise.resolve(null);
              const body =
                what === 'approve' ? {} : what === 'reject' ? { note: '驳回' } : { reason: '撤销' };
              return post(`/api/disbursements/${d.id}/${what}`, lx2, body);
            }),
          );
          const finalStatus = accepted.map((d, i) => (decided[i] ? decided[i].json().status : d.status));
          const committed = accepted
            .filter((_, i) => finalStatus[i] === 'pending' || finalStatus[i] === 'approved')
            .reduce((s, d) => s + d.amountFen, 0);
          expect(await fundBalance(h.ctx.db, f.key)).toEqual({
            receivedFen,
            committedFen: committed,
            balanceFen: receivedFen - committed,
          });
        },
      ),
      { numRuns: 6 },
    );
  });
});
