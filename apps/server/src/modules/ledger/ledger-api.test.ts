import { shanghaiDate, tlog } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { modules } from '../index.ts';
import { builderSet } from './build-entries.ts';
import { checkpointOnce } from './checkpointer.ts';
import { sequenceOnce } from './sequencer.ts';
import { verifyLedger } from './verify-ledger.ts';

let h: Harness;
let lx: string;
const builders = builderSet(modules.flatMap((m) => m.ledgerEntries ?? []));

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
}, 60_000);
afterAll(() => h?.close());

async function settle() {
  await sequenceOnce(h.ctx.db, builders);
  await checkpointOnce(h.ctx.db, h.ctx.config);
}

/** A money gift at 梁溪 through the API, in the log and a checkpoint. */
async function loggedGift(amountFen = 12_345) {
  const donorId = (await h.req('GET', `/api/donors?q=${encodeURIComponent('陈美华')}`, { cookie: lx })).json()
    .items[0].id;
  const res = await h.req('POST', '/api/gifts', {
    cookie: lx,
    body: {
      orgId: h.seed.orgs.liangxi,
      donorId,
      channel: 'cash',
      amountFen,
      receivedOn: shanghaiDate(new Date()),
    },
  });
  expect(res.statusCode).toBe(200);
  const gift = res.json();
  const [receipt] = await queryRows<{ id: number }>(
    h.ctx.db,
    sql`select id from receipts where number = ${gift.receiptNo}`,
  );
  await settle();
  return { gift, receiptId: receipt!.id };
}

describe('the demo', () => {
  it('leaves logs with entries and signed, witnessed checkpoints, all of which verify', async () => {
    const [logs] = await queryRows<{ logs: number; entries: number; checkpoints: number; cosigned: number }>(
      h.ctx.db,
      sql`select (select count(*)::int from ledger_logs where size > 0) as logs,
                 (select count(*)::int from ledger_entries) as entries,
                 (select count(*)::int from ledger_checkpoints) as checkpoints,
                 (select count(*)::int from ledger_checkpoints where cosigned) as cosigned`,
    );
    expect(logs!.logs).toBeGreaterThan(0);
    expect(logs!.entries).toBeGreaterThan(0);
    expect(logs!.checkpoints).toBe(logs!.logs);
    expect(logs!.cosigned).toBeGreaterThan(0);
    const result = await verifyLedger(h.ctx.db, h.ctx.config, builders, null);
    expect(result.findings).toEqual([]);
    expect(result.entriesChecked).toBe(logs!.entries);
  });
});

describe('public API', () => {
  it("traces a receipt's journey with inclusion proofs that verify against the signed checkpoint", async () => {
    const { gift } = await loggedGift();
    const res = await h.req('GET', `/api/public/ledger/trace/${gift.receiptNo}`);
    expect(res.statusCode).toBe(200);
    const trace = res.json();
    expect(trace.receipt).toMatchObject({ number: gift.receiptNo, amountFen: 12_345, status: 'issued' });
    expect(trace.steps.map((s: { step: string }) => s.step).slice(0, 2)).toEqual(['received', 'receipted']);
    const cp = tlog.openCheckpoint(trace.checkpoint, { logKeys: trace.logKeys });
    for (const step of trace.steps.filter(
      (s: { entry: { orgId: number } }) => s.entry.orgId === gift.orgId,
    )) {
      const leaf = tlog.leafHash(tlog.entryBytes(step.entry.entry));
      expect(tlog.toBase64(leaf)).toBe(step.entry.leafHash);
      expect(step.proof.size).toBe(cp.checkpoint.size);
      const ok = tlog.verifyInclusion(
        leaf,
        step.entry.index,
        step.proof.size,
        step.proof.hashes.map(tlog.fromBase64),
        cp.checkpoint.rootHash,
      );
      expect(ok, step.step).toBe(true);
    }
    const entry = JSON.parse(trace.steps[0].entry.entry);
    expect(entry).toMatchObject({
      v: 1,
      kind: 'gift.received',
      org: gift.orgId,
      ref: `gift:${gift.id}`,
      amountFen: 12_345,
    });
    // Never the donor's identity in the log.
    expect(trace.steps[0].entry.entry).not.toContain('陈美华');
  });

  it("shows a demo gift's publication and the appeal's spending as steps, each with its proof", async () => {
    const [r] = await queryRows<{ number: string }>(
      h.ctx.db,
      sql`select r.number from receipts r join disclosure_lines l on l.gift_id = r.gift_id and l.kind = 'gift'
          join gifts g on g.id = r.gift_id
          where r.status = 'issued' and exists (select 1 from disbursements d where d.appeal_id = g.appeal_id
            and d.status = 'approved') limit 1`,
    );
    const trace = (await h.req('GET', `/api/public/ledger/trace/${r!.number}`)).json();
    expect(trace.steps.map((s: { step: string }) => s.step)).toEqual(
      expect.arrayContaining(['received', 'receipted', 'published', 'used']),
    );
    const published = trace.steps.find((s: { step: string }) => s.step === 'published');
    expect(published.detail).toMatch(/公示：收到捐赠 \d+ 笔/);
    expect(trace.steps.every((s: { proof: unknown }) => s.proof !== null)).toBe(true);
  });

  it('adds the voiding to the journey of a cancelled gift', async () => {
    const { gift } = await loggedGift(300);
    const cancel = await h.req('POST', `/api/gifts/${gift.id}/cancel`, {
      cookie: lx,
      body: { reason: '重复登记' },
    });
    expect(cancel.statusCode).toBe(200);
    await settle();
    const trace = (await h.req('GET', `/api/public/ledger/trace/${gift.receiptNo}`)).json();
    expect(trace.receipt.status).toBe('voided');
    const voided = trace.steps.filter((s: { step: string }) => s.step === 'voided');
    expect(voided.map((s: { entry: { kind: string } }) => s.entry.kind).sort()).toEqual([
      'gift.cancelled',
      'receipt.voided',
    ]);
    // The reason typed by staff is not published.
    expect(JSON.stringify(voided)).not.toContain('重复登记');
  });

  it('finds entries by receipt number and by ref, and serves entries, ranges and proofs', async () => {
    const { gift, receiptId } = await loggedGift(500);
    const byReceipt = (await h.req('GET', `/api/public/ledger/entries?receipt=${gift.receiptNo}`)).json()
      .items;
    expect(byReceipt.map((e: { ref: string }) => e.ref).sort()).toEqual(
      [`gift:${gift.id}`, `receipt:${receiptId}`].sort(),
    );
    const byRef = (await h.req('GET', `/api/public/ledger/entries?ref=gift:${gift.id}`)).json().items;
    expect(byRef).toHaveLength(1);
    const { orgId, index } = byRef[0];
    expect((await h.req('GET', `/api/public/ledger/logs/${orgId}/entries/${index}`)).json()).toEqual(
      byRef[0],
    );
    const range = (await h.req('GET', `/api/public/ledger/logs/${orgId}/entries?start=0&limit=1000`)).json()
      .items;
    expect(range[index]).toEqual(byRef[0]);
    const cps = (await h.req('GET', `/api/public/ledger/logs/${orgId}/checkpoints`)).json().items;
    const size = cps.at(-1).size;
    const incl = (
      await h.req('GET', `/api/public/ledger/logs/${orgId}/proofs/inclusion?index=${index}&size=${size}`)
    ).json();
    expect(
      tlog.verifyInclusion(
        tlog.fromBase64(byRef[0].leafHash),
        index,
        size,
        incl.hashes.map(tlog.fromBase64),
        tlog.fromBase64(cps.at(-1).rootHash),
      ),
    ).toBe(true);
    const cons = (
      await h.req(
        'GET',
        `/api/public/ledger/logs/${orgId}/proofs/consistency?first=${cps[0].size}&second=${size}`,
      )
    ).json();
    expect(
      tlog.verifyConsistency(
        cps[0].size,
        size,
        cons.hashes.map(tlog.fromBase64),
        tlog.fromBase64(cps[0].rootHash),
        tlog.fromBase64(cps.at(-1).rootHash),
      ),
    ).toBe(true);
    expect(
      (await h.req('GET', `/api/public/ledger/logs/${orgId}/checkpoint`)).headers['content-type'],
    ).toMatch(/^text\/plain/);
  });

  it('answers bad input with 400 naming the field, and unknown things with 404', async () => {
    const org = h.seed.orgs.liangxi!;
    const bad: [string, string][] = [
      ['/api/public/ledger/logs/abc/checkpoint', 'orgId'],
      [`/api/public/ledger/logs/${org}/entries/-1`, 'index'],
      [`/api/public/ledger/logs/${org}/entries?limit=5000`, 'limit'],
      [`/api/public/ledger/logs/${org}/proofs/inclusion?index=5&size=2`, 'index'],
      [`/api/public/ledger/logs/${org}/proofs/inclusion?index=0&size=99999999`, 'size'],
      [`/api/public/ledger/logs/${org}/proofs/inclusion?index=x&size=1`, 'index'],
      [`/api/public/ledger/logs/${org}/proofs/consistency?first=3&second=2`, 'first'],
      ['/api/public/ledger/entries?receipt=123', 'receipt'],
      ['/api/public/ledger/entries?ref=gift', 'ref'],
      ['/api/public/ledger/entries', 'receipt'],
      ['/api/public/ledger/trace/12ab', 'receiptNumber'],
    ];
    for (const [url, field] of bad) {
      const res = await h.req('GET', url);
      expect(res.statusCode, url).toBe(400);
      const fields = res.json().fields.map((f: { field: string }) => f.field.split('.').at(-1));
      expect(fields, url).toContain(field);
    }
    const missing: [string, string][] = [
      ['/api/public/ledger/logs/999999/checkpoint', 'NOT_FOUND'],
      [`/api/public/ledger/logs/${org}/entries/99999999`, 'LEDGER_ENTRY_NOT_FOUND'],
      ['/api/public/ledger/trace/20990000000001', 'LEDGER_RECEIPT_NOT_FOUND'],
    ];
    for (const [url, code] of missing) {
      const res = await h.req('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe(code);
      expect(res.json().message, url).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('console', () => {
  it("shows a society its own logs and below, never a sibling's", async () => {
    await loggedGift(700);
    const sz = await h.login('sz_admin');
    const status = (await h.req('GET', '/api/ledger/status', { cookie: sz })).json().items;
    const ids = status.map((s: { orgId: number }) => s.orgId);
    expect(ids).toContain(h.seed.orgs.suzhou);
    expect(ids).not.toContain(h.seed.orgs.liangxi);
    expect(ids).not.toContain(h.seed.orgs.wuxi);
    const mine = (await h.req('GET', '/api/ledger/status', { cookie: lx })).json().items;
    const liangxi = mine.find((s: { orgId: number }) => s.orgId === h.seed.orgs.liangxi);
    expect(liangxi.size).toBeGreaterThan(0);
    expect(liangxi.checkpointSize).toBe(liangxi.size);
    expect(liangxi.cosigned).toBe(true);
    const sibling = await h.req('GET', `/api/ledger/entries?orgId=${h.seed.orgs.liangxi}`, { cookie: sz });
    expect(sibling.json().total).toBe(0);
    const own = await h.req('GET', `/api/ledger/entries?orgId=${h.seed.orgs.liangxi}&kind=gift.received`, {
      cookie: lx,
    });
    expect(own.json().total).toBeGreaterThan(0);
    const { gift } = await loggedGift(900);
    const byReceipt = await h.req('GET', `/api/ledger/entries?receipt=${gift.receiptNo}`, { cookie: lx });
    expect(
      byReceipt
        .json()
        .items.map((e: { kind: string }) => e.kind)
        .sort(),
    ).toEqual(['gift.received', 'receipt.issued']);
    expect(
      (await h.req('GET', `/api/ledger/entries?receipt=${gift.receiptNo}`, { cookie: sz })).json().total,
    ).toBe(0);
    expect((await h.req('GET', '/api/ledger/status')).statusCode).toBe(401);
    expect((await h.req('GET', '/api/ledger/status', { cookie: await h.login('xs_staff') })).statusCode).toBe(
      403,
    );
  });
});

describe('verifier', () => {
  it("keeps the donor as shown when the gift was made: a later rename is not a rewrite", async () => {
    const { gift } = await loggedGift(66_600);
    const [entry] = await queryRows<{ entry: string }>(
      h.ctx.db,
      sql`select entry from ledger_entries where ref = ${`gift:${gift.id}`}`,
    );
    // 陈美华 gave no consent to be named: the public log shows her masked, never in full
    expect(JSON.parse(entry!.entry)).toMatchObject({ donor: '陈*华', donorKind: 'person', amountFen: 66_600 });
    expect(entry!.entry).not.toContain('陈美华');
    await h.ctx.db.execute(sql`update donors set name = '陈美樺', name_consent = true where id = ${gift.donorId}`);
    expect((await verifyLedger(h.ctx.db, h.ctx.config, builders, [gift.orgId])).findings).toEqual([]);
    await h.ctx.db.execute(sql`update donors set name = '陈美华', name_consent = false where id = ${gift.donorId}`);
  });

  it('names the entry of a gift whose amount was changed by plain SQL, and a tampered node and checkpoint', async () => {
    const { gift } = await loggedGift(88_800);
    const scope = [gift.orgId];
    expect((await verifyLedger(h.ctx.db, h.ctx.config, builders, scope)).findings).toEqual([]);

    await h.ctx.db.execute(sql`update gifts set amount_fen = 99900 where id = ${gift.id}`);
    const found = (await verifyLedger(h.ctx.db, h.ctx.config, builders, scope)).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      orgId: gift.orgId,
      what: 'entry',
      kind: 'gift.received',
      ref: `gift:${gift.id}`,
    });
    expect(found[0]!.message).toContain('amountFen：账本中为 88800，业务数据现为 99900');

    const audit = await h.login('js_audit');
    const run = await h.req('POST', '/api/ledger/verifications', { cookie: audit });
    expect(run.statusCode).toBe(200);
    expect(run.json().ok).toBe(false);
    expect(run.json().findings.map((f: { ref: string }) => f.ref)).toContain(`gift:${gift.id}`);
    const history = (await h.req('GET', '/api/ledger/verifications', { cookie: audit })).json();
    expect(history.items[0].id).toBe(run.json().id);
    // A sibling society's staff do not see the province's verification.
    expect((await h.req('GET', '/api/ledger/verifications', { cookie: lx })).json().total).toBe(0);
    await h.ctx.db.execute(sql`update gifts set amount_fen = 88800 where id = ${gift.id}`);

    // Someone with database access edits a stored subtree, bypassing the append-only trigger.
    await h.ctx.db.execute(sql`alter table ledger_nodes disable trigger ledger_nodes_immutable`);
    await h.ctx.db.execute(
      sql`update ledger_nodes set hash = sha256(hash) where org_id = ${gift.orgId} and level = 1 and idx = 0`,
    );
    await h.ctx.db.execute(sql`alter table ledger_nodes enable trigger ledger_nodes_immutable`);
    const nodes = (await verifyLedger(h.ctx.db, h.ctx.config, builders, scope)).findings;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ what: 'node', index: 1 });

    await h.ctx.db.execute(sql`alter table ledger_checkpoints disable trigger ledger_checkpoints_immutable`);
    await h.ctx.db.execute(
      sql`update ledger_checkpoints set note = replace(note, '— ', '— x') where org_id = ${gift.orgId}
          and size = (select max(size) from ledger_checkpoints where org_id = ${gift.orgId})`,
    );
    await h.ctx.db.execute(sql`alter table ledger_checkpoints enable trigger ledger_checkpoints_immutable`);
    const cps = (await verifyLedger(h.ctx.db, h.ctx.config, builders, scope)).findings;
    expect(cps.map((f) => f.what).sort()).toEqual(['checkpoint', 'node']);
    expect(cps.find((f) => f.what === 'checkpoint')!.message).toContain('签名无效');
  });

  it('refuses UPDATE and DELETE of entries, subtrees and checkpoints', async () => {
    for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints']) {
      const err = await h.ctx.db.execute(sql.raw(`delete from ${table}`)).catch((e: Error) => e);
      expect(String((err as Error & { cause?: Error }).cause?.message ?? err)).toMatch(/append-only/);
    }
  });
});
