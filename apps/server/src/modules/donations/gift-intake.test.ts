import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { queryRows } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { createGiftIntake } from './gift-intake.ts';

let h: Harness;
let lx: string;
let xs: string;
let lxDonor: number;
let xsDonor: number;
const today = () => shanghaiDate(new Date());

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  const own = async (cookie: string, orgId: number) =>
    (await h.req('GET', `/api/donors?orgId=${orgId}&pageSize=100`, { cookie }))
      .json()
      .items.find((d: { orgId: number }) => d.orgId === orgId).id;
  lxDonor = await own(lx, h.seed.orgs.liangxi!);
  xsDonor = await own(xs, h.seed.orgs.xishan!);
});
afterAll(() => h?.close());

const post = (cookie: string, body: Record<string, unknown>, key?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/gifts',
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { channel: 'cash', amountFen: 500, receivedOn: today(), ...body },
  });

const seqsOf = async (orgId: number) =>
  (
    await queryRows<{ seq: number }>(
      h.ctx.db,
      sql`select seq from receipts where org_id = ${orgId} and year = ${Number(today().slice(0, 4))} order by seq`,
    )
  ).map((r) => r.seq);

describe('gift intake (group commit)', () => {
  it('answers 200 simultaneous gifts of two societies each with its own dense, unique receipt', async () => {
    const before = {
      lx: (await seqsOf(h.seed.orgs.liangxi!)).length,
      xs: (await seqsOf(h.seed.orgs.xishan!)).length,
    };
    const res = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? post(lx, { orgId: h.seed.orgs.liangxi, donorId: lxDonor, amountFen: 100 + i })
          : post(xs, { orgId: h.seed.orgs.xishan, donorId: xsDonor, amountFen: 100 + i }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(200).fill(200));
    const numbers = res.map((r) => r.json().receiptNo as string);
    expect(new Set(numbers).size).toBe(200);
    // each answer is its own gift: the amount it sent and a receipt of its own society
    res.forEach((r, i) => {
      const org = i % 2 ? h.seed.orgs.liangxi! : h.seed.orgs.xishan!;
      expect(r.json().amountFen).toBe(100 + i);
      expect(r.json().receiptNo.slice(4, 8)).toBe(String(org).padStart(4, '0'));
    });
    for (const [org, n] of [
      [h.seed.orgs.liangxi!, before.lx],
      [h.seed.orgs.xishan!, before.xs],
    ] as const) {
      const seqs = await seqsOf(org);
      expect(seqs).toHaveLength(n + 100);
      expect(seqs.every((s, k) => s === k + 1)).toBe(true);
    }
  });

  it('refuses only the bad gifts of a batch, each with its own field error', async () => {
    const res = await Promise.all([
      post(lx, { orgId: h.seed.orgs.liangxi, donorId: lxDonor, amountFen: 777 }),
      post(lx, { orgId: h.seed.orgs.liangxi, donorId: xsDonor }), // another society's donor
      post(xs, { orgId: h.seed.orgs.liangxi, donorId: lxDonor }), // sibling society writing here
      post(lx, { orgId: h.seed.orgs.liangxi, donorId: lxDonor, receivedOn: '2999-01-01' }),
      post(lx, { orgId: h.seed.orgs.liangxi, donorId: lxDonor, amountFen: 778 }),
    ]);
    expect(res.map((r) => r.statusCode)).toEqual([200, 400, 400, 400, 200]);
    expect(res[1]!.json().fields[0]).toMatchObject({ field: 'donorId' });
    expect(res[2]!.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });
    expect(res[3]!.json().fields[0]).toMatchObject({ field: 'receivedOn', code: 'GIFT_DATE_IN_FUTURE' });
    // each recorded gift is audited once, under its own id, with what was asked for
    const ids = [res[0]!, res[4]!].map((r) => String(r.json().id));
    const audits = await queryRows<{ entity_id: string; actor_name: string; after: { amountFen: number } }>(
      h.ctx.db,
      sql`select entity_id, actor_name, after from audit_log
          where action = 'gifts.create' and entity_id in (${sql.join(ids, sql`, `)}) order by entity_id::int`,
    );
    expect(audits.map((a) => [a.entity_id, a.after.amountFen])).toEqual([
      [ids[0], 777],
      [ids[1], 778],
    ]);
    expect(audits.every((a) => a.actor_name)).toBe(true);
    // … and each is a public event for the transparency log, received before receipted
    const events = await queryRows<{ kind: string; ref: string }>(
      h.ctx.db,
      sql`select kind, ref from ledger_outbox where ref in (${sql.join(
        ids.map((id) => `gift:${id}`),
        sql`, `,
      )}) or ref in (select 'receipt:' || receipt_id from gifts where id in (${sql.join(ids.map(Number), sql`, `)}))
        union all
        select kind, ref from ledger_entries where ref in (${sql.join(
          ids.map((id) => `gift:${id}`),
          sql`, `,
        )}) or ref in (select 'receipt:' || receipt_id from gifts where id in (${sql.join(ids.map(Number), sql`, `)}))`,
    );
    expect(events.map((e) => e.kind).sort()).toEqual([
      'gift.received',
      'gift.received',
      'receipt.issued',
      'receipt.issued',
    ]);
  });

  it('records a gift once however its retries interleave, and refuses a key reused for another gift', async () => {
    const body = { orgId: h.seed.orgs.liangxi, donorId: lxDonor, amountFen: 4_321 };
    const burst = await Promise.all(Array.from({ length: 6 }, () => post(lx, body, 'intake-retry-0001')));
    const later = await post(lx, body, 'intake-retry-0001');
    const all = [...burst, later];
    expect(all.map((r) => r.statusCode)).toEqual(Array(7).fill(200));
    expect(new Set(all.map((r) => r.json().receiptNo)).size).toBe(1);
    expect(all.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(6);
    const found = (
      await h.req('GET', `/api/gifts?receiptNo=${later.json().receiptNo}`, { cookie: lx })
    ).json();
    expect(found.total).toBe(1);
    const reused = await post(lx, { ...body, amountFen: 1 }, 'intake-retry-0001');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    // a refused request leaves its key unspent: the corrected retry goes through
    const bad = await post(lx, { ...body, receivedOn: '2999-01-01' }, 'intake-retry-0002');
    expect(bad.statusCode).toBe(400);
    expect((await post(lx, body, 'intake-retry-0002')).statusCode).toBe(200);
  });

  it('two intakes (as in two processes) given one key at once record one gift, and their batch-mates too', async () => {
    const actor = systemActor('test-intake');
    const claim = { owner: 'u:race', key: 'race-key-0001', requestHash: 'same-request' };
    const gift = { orgId: h.seed.orgs.liangxi!, donorId: lxDonor, channel: 'cash' as const, receivedOn: today() };
    const intakes = [createGiftIntake(h.ctx.db), createGiftIntake(h.ctx.db)];
    const results = await Promise.all(
      intakes.flatMap((intake, n) => [
        intake.submit(actor, { ...gift, amountFen: 7_007 }, claim),
        // a batch-mate with no key: must be recorded whatever happens to the twin beside it
        intake.submit(actor, { ...gift, amountFen: 8_000 + n }, null),
      ]),
    );
    const [a, mateA, b, mateB] = results;
    expect(a!.gift.receiptNo).toBe(b!.gift.receiptNo);
    expect([a!.replayed, b!.replayed].sort()).toEqual([false, true]);
    expect(mateA!.gift.receiptNo).not.toBe(mateB!.gift.receiptNo);
    const made = await queryRows<{ amount_fen: string }>(
      h.ctx.db,
      sql`select amount_fen from gifts where donor_id = ${lxDonor} and amount_fen in (7007, 8000, 8001)`,
    );
    expect(made.map((r) => Number(r.amount_fen)).sort()).toEqual([7007, 8000, 8001]);
  });

  it('when a batch fails in the database, retries each gift alone so only the faulty one fails', async () => {
    const intake = createGiftIntake(h.ctx.db);
    const actor = systemActor('test-intake');
    const good = {
      orgId: h.seed.orgs.liangxi!,
      donorId: lxDonor,
      channel: 'cash' as const,
      amountFen: 9_001,
    };
    const results = await Promise.allSettled([
      intake.submit(actor, { ...good, receivedOn: today() }, null),
      // passes the checks (a string compare) but not the database's date type
      intake.submit(actor, { ...good, receivedOn: '2026-02-30' }, null),
      intake.submit(actor, { ...good, receivedOn: today() }, null),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).not.toBeInstanceOf(AppError);
  });
});
