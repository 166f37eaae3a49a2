import { tlog } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { queryRows } from '../../platform/db/client.ts';
import { recordPublicEvents, type LedgerEntryBuilder } from '../../platform/ledger/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { createOrg } from '../orgs/index.ts';
import { builderSet } from './build-entries.ts';
import { checkpointLog } from './checkpointer.ts';
import { sequenceLog, SEQUENCE_BATCH } from './sequencer.ts';
import { consistencyProof, inclusionProof, rootAt } from './tree.ts';
import { witnessCheckpoint } from './witness.ts';
import { logKeysOf, witnessKeysOf } from './log-keys.ts';
import { verifyLedger } from './verify-ledger.ts';

/**
 * The log's mechanics on a real database: outbox → sequencer → stored subtrees → proofs → signed,
 * witnessed checkpoints. Entries here come from a test builder over refs `test:<n>` so a log of any
 * length can be made quickly; the real builders are exercised in ledger-api.test.ts.
 */
let h: Harness;
const actor = systemActor('ledger-test');
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

/** Entries `{ n }` for refs `gift:<n>` of a society (kind gift.received), built without any business row. */
const testBuilder = (orgId: number): LedgerEntryBuilder => ({
  kind: 'gift.received',
  async build(_q, refs) {
    return new Map(
      refs.map((ref) => [
        ref,
        {
          v: 1,
          kind: 'gift.received',
          org: orgId,
          ref,
          at: '2026-11-24T00:00:00.000Z',
          n: Number(ref.slice(5)),
        },
      ]),
    );
  },
});

async function newOrg(name: string, parentId = h.seed.orgs.liangxi!) {
  return h.ctx.db.transaction((tx) =>
    createOrg(tx, actor, { parentId, name, level: 'grassroots', uscc: null, regionCode: null }),
  );
}

async function queue(orgId: number, from: number, count: number) {
  await h.ctx.db.transaction((tx) =>
    recordPublicEvents(
      tx,
      Array.from({ length: count }, (_, i) => ({
        orgId,
        kind: 'gift.received' as const,
        ref: `gift:${from + i}`,
      })),
    ),
  );
}

const leavesOf = async (orgId: number) =>
  (
    await queryRows<{ idx: number; leaf_hash: Uint8Array }>(
      h.ctx.db,
      sql`select idx, leaf_hash from ledger_entries where org_id = ${orgId} order by idx`,
    )
  ).map((r) => new Uint8Array(r.leaf_hash));

describe('outbox and sequencer', () => {
  it('logs nothing for an event whose business transaction rolled back, and the committed ones once', async () => {
    const org = await newOrg('回滚测试红十字会');
    const builders = builderSet([testBuilder(org.id)]);
    await h.ctx.db
      .transaction(async (tx) => {
        await recordPublicEvents(tx, [{ orgId: org.id, kind: 'gift.received', ref: 'gift:1' }]);
        throw new Error('the gift failed');
      })
      .catch(() => undefined);
    await queue(org.id, 2, 1);
    expect(await sequenceLog(h.ctx.db, builders, org.id)).toBe(1);
    expect(await sequenceLog(h.ctx.db, builders, org.id)).toBe(0);
    const rows = await queryRows<{ idx: number; ref: string }>(
      h.ctx.db,
      sql`select idx, ref from ledger_entries where org_id = ${org.id}`,
    );
    expect(rows.map((r) => [Number(r.idx), r.ref])).toEqual([[0, 'gift:2']]);
  });

  it('appends in dense indices across batches, and a crash between batches loses and repeats nothing', async () => {
    const org = await newOrg('批次测试红十字会');
    const builders = builderSet([testBuilder(org.id)]);
    await queue(org.id, 1, SEQUENCE_BATCH + 10);
    // A "crash" mid-way: the first batch commits, the second transaction fails before commit.
    let calls = 0;
    const failing = builderSet([
      {
        kind: 'gift.received',
        build: async (q, refs) => {
          if (++calls === 2) throw new Error('process killed');
          return testBuilder(org.id).build(q, refs);
        },
      },
    ]);
    await expect(sequenceLog(h.ctx.db, failing, org.id)).rejects.toThrow('process killed');
    const [mid] = await queryRows<{ size: number; waiting: number }>(
      h.ctx.db,
      sql`select (select size from ledger_logs where org_id = ${org.id}) as size,
                 (select count(*)::int from ledger_outbox where org_id = ${org.id}) as waiting`,
    );
    expect([Number(mid!.size), mid!.waiting]).toEqual([SEQUENCE_BATCH, 10]);
    expect(await sequenceLog(h.ctx.db, builders, org.id)).toBe(10);
    const rows = await queryRows<{ idx: number; ref: string }>(
      h.ctx.db,
      sql`select idx, ref from ledger_entries where org_id = ${org.id} order by idx`,
    );
    expect(rows.map((r) => Number(r.idx))).toEqual(rows.map((_, i) => i));
    expect(rows.map((r) => r.ref)).toEqual(rows.map((_, i) => `gift:${i + 1}`));
  });

  it('never interleaves or duplicates entries when sequencers in several connections race producers', async () => {
    const org = await newOrg('并发测试红十字会');
    const builders = builderSet([testBuilder(org.id)]);
    let produced = 0;
    const producers = Array.from({ length: 4 }, async (_, p) => {
      for (let i = 0; i < 20; i++) {
        await queue(org.id, 1 + p * 10_000 + i * 50, 50);
        produced += 50;
      }
    });
    let stop = false;
    const sequencers = Array.from({ length: 3 }, async () => {
      while (!stop) await sequenceLog(h.ctx.db, builders, org.id);
    });
    await Promise.all(producers);
    stop = true;
    await Promise.all(sequencers);
    await sequenceLog(h.ctx.db, builders, org.id);
    const rows = await queryRows<{ idx: number; ref: string }>(
      h.ctx.db,
      sql`select idx, ref from ledger_entries where org_id = ${org.id} order by idx`,
    );
    expect(rows).toHaveLength(produced);
    expect(rows.map((r) => Number(r.idx))).toEqual(rows.map((_, i) => i));
    expect(new Set(rows.map((r) => r.ref)).size).toBe(produced);
    const leaves = await leavesOf(org.id);
    expect(await rootAt(h.ctx.db, org.id, produced)).toEqual(tlog.rootFromLeaves(leaves));
  }, 120_000);

  it('leaves an event it cannot build in the outbox without blocking those after it', async () => {
    const org = await newOrg('无法生成测试红十字会');
    await h.ctx.db.transaction((tx) =>
      recordPublicEvents(tx, [
        { orgId: org.id, kind: 'aid.given', ref: 'aid:1' },
        { orgId: org.id, kind: 'gift.received', ref: 'gift:1' },
      ]),
    );
    expect(await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id)).toBe(1);
    const waiting = await queryRows<{ kind: string }>(
      h.ctx.db,
      sql`select kind from ledger_outbox where org_id = ${org.id}`,
    );
    expect(waiting).toEqual([{ kind: 'aid.given' }]);
  });
});

describe('proofs from stored subtrees', () => {
  it('verify with the core library for every (index, size) and every (first, second) of a 33-entry log', async () => {
    const org = await newOrg('证明测试红十字会');
    await queue(org.id, 1, 33);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    const leaves = await leavesOf(org.id);
    expect(leaves).toHaveLength(33);
    const roots = [tlog.emptyRoot()];
    for (let n = 1; n <= 33; n++) {
      roots.push(tlog.rootFromLeaves(leaves.slice(0, n)));
      expect(await rootAt(h.ctx.db, org.id, n)).toEqual(roots[n]);
    }
    for (let size = 1; size <= 33; size++) {
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(h.ctx.db, org.id, index, size);
        expect(
          tlog.verifyInclusion(leaves[index]!, index, size, proof, roots[size]!),
          `${index}/${size}`,
        ).toBe(true);
      }
      for (let first = 1; first <= size; first++) {
        const proof = await consistencyProof(h.ctx.db, org.id, first, size);
        expect(
          tlog.verifyConsistency(first, size, proof, roots[first]!, roots[size]!),
          `${first}→${size}`,
        ).toBe(true);
      }
    }
  }, 120_000);

  it('verify for random (index, size) of a 3,000-entry log, each proof at most ⌈log₂ n⌉ hashes', async () => {
    const org = await newOrg('大日志测试红十字会');
    await queue(org.id, 1, 3000);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    const leaves = await leavesOf(org.id);
    for (let i = 0; i < 40; i++) {
      const size = 1 + Math.floor(Math.random() * 3000);
      const index = Math.floor(Math.random() * size);
      const root = await rootAt(h.ctx.db, org.id, size);
      const proof = await inclusionProof(h.ctx.db, org.id, index, size);
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
      expect(tlog.verifyInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
      const first = 1 + Math.floor(Math.random() * size);
      const cproof = await consistencyProof(h.ctx.db, org.id, first, size);
      expect(tlog.verifyConsistency(first, size, cproof, await rootAt(h.ctx.db, org.id, first), root)).toBe(
        true,
      );
    }
    expect(await rootAt(h.ctx.db, org.id, 3000)).toEqual(tlog.rootFromLeaves(leaves));
  }, 120_000);
});

describe('checkpoints and the witness', () => {
  it('signs a checkpoint with the log key and has it co-signed by the parent society', async () => {
    const org = await newOrg('检查点测试红十字会');
    await queue(org.id, 1, 5);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    const first = await checkpointLog(h.ctx.db, h.ctx.config, org.id);
    expect(first).toMatchObject({ size: 5, cosigned: true, refused: null });
    await queue(org.id, 6, 4);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    expect(await checkpointLog(h.ctx.db, h.ctx.config, org.id)).toMatchObject({ size: 9, cosigned: true });
    expect(await checkpointLog(h.ctx.db, h.ctx.config, org.id)).toBeNull();

    const logs = await h.req('GET', '/api/public/ledger/logs');
    const log = logs.json().items.find((l: { orgId: number }) => l.orgId === org.id);
    const note = (await h.req('GET', `/api/public/ledger/logs/${org.id}/checkpoint`)).body;
    const opened = tlog.openCheckpoint(note, {
      logKeys: log.keys,
      witnessKeys: log.witness.keys,
      origin: log.origin,
    });
    expect(opened.checkpoint.size).toBe(9);
    expect(opened.checkpoint.rootHash).toEqual(tlog.rootFromLeaves(await leavesOf(org.id)));
    expect(opened.signedBy).toEqual([log.origin]);
    expect(opened.cosignedBy.map((c) => c.name)).toEqual([
      `${new URL(h.ctx.config.publicUrl).host}/boai/org/${h.seed.orgs.liangxi}/witness`,
    ]);
  });

  it('refuses to co-sign a forked history, and a checkpoint signed with another key', async () => {
    const org = await newOrg('分叉测试红十字会');
    await queue(org.id, 1, 6);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    await checkpointLog(h.ctx.db, h.ctx.config, org.id);
    const witnessOrgId = h.seed.orgs.liangxi!;
    const keys = logKeysOf(h.ctx.config, org.id);
    // The society shows someone else a history where entry 3 says something different.
    const forkLeaves = (await leavesOf(org.id)).map((l, i) =>
      i === 3 ? tlog.leafHash(tlog.utf8('{"forged":true}')) : l,
    );
    const more = [...forkLeaves, tlog.leafHash(tlog.utf8('{"n":7}'))];
    const forkRoot = tlog.rootFromLeaves(more);
    const forkNote = tlog.signNote(
      tlog.formatCheckpoint({ origin: keys.origin, size: 7, rootHash: forkRoot }),
      keys.signers,
    );
    // Any proof the society can make: here the honest-looking one computed over the forked leaves.
    const proof = tlog.consistencyRanges(6, 7).map(([s, e]) => tlog.rootFromLeaves(more.slice(s, e)));
    await expect(
      h.ctx.db.transaction((tx) =>
        witnessCheckpoint(tx, h.ctx.config, {
          witnessOrgId,
          logOrgId: org.id,
          note: forkNote,
          proof,
          fromSize: 6,
        }),
      ),
    ).rejects.toMatchObject({ code: 'LEDGER_WITNESS_REFUSED' });
    // Same size, different root: refused too.
    const sameSize = tlog.signNote(
      tlog.formatCheckpoint({ origin: keys.origin, size: 6, rootHash: tlog.rootFromLeaves(forkLeaves) }),
      keys.signers,
    );
    await expect(
      h.ctx.db.transaction((tx) =>
        witnessCheckpoint(tx, h.ctx.config, {
          witnessOrgId,
          logOrgId: org.id,
          note: sameSize,
          proof: [],
          fromSize: 6,
        }),
      ),
    ).rejects.toMatchObject({ code: 'LEDGER_WITNESS_REFUSED' });
    // Signed by a key that is not the log's.
    const stranger = tlog.signNote(
      tlog.formatCheckpoint({ origin: keys.origin, size: 7, rootHash: forkRoot }),
      {
        name: keys.origin,
        privateKey: new Uint8Array(32).fill(1),
      },
    );
    await expect(
      h.ctx.db.transaction((tx) =>
        witnessCheckpoint(tx, h.ctx.config, {
          witnessOrgId,
          logOrgId: org.id,
          note: stranger,
          proof,
          fromSize: 6,
        }),
      ),
    ).rejects.toMatchObject({ code: 'LEDGER_WITNESS_REFUSED' });
    // The honest continuation is still accepted.
    await queue(org.id, 7, 1);
    await sequenceLog(h.ctx.db, builderSet([testBuilder(org.id)]), org.id);
    expect(await checkpointLog(h.ctx.db, h.ctx.config, org.id)).toMatchObject({ size: 7, cosigned: true });
  });

  it('signs with both keys during a rotation, and old checkpoints keep verifying once the old key only verifies', async () => {
    const org = await newOrg('轮换测试红十字会');
    const builders = builderSet([testBuilder(org.id)]);
    const old = h.ctx.config.ledgerKeys[0]!;
    const fresh = { name: 'k2', secret: Buffer.alloc(32, 11) };
    const both = { ...h.ctx.config, ledgerKeys: [old, fresh], ledgerActiveKeys: [old.name, 'k2'] };
    // Before the rotation: the old key alone.
    await queue(org.id, 1, 2);
    await sequenceLog(h.ctx.db, builders, org.id);
    await checkpointLog(h.ctx.db, h.ctx.config, org.id);
    await queue(org.id, 3, 1);
    await sequenceLog(h.ctx.db, builders, org.id);
    await checkpointLog(h.ctx.db, both, org.id);
    const [cp] = await queryRows<{ note: string }>(
      h.ctx.db,
      sql`select note from ledger_checkpoints where org_id = ${org.id} order by size desc limit 1`,
    );
    // Two log signatures and two witness cosignatures, each verifiable with the published keys.
    expect(cp!.note.split('\n').filter((l) => l.startsWith('— '))).toHaveLength(4);
    const keys = logKeysOf(both, org.id);
    const witness = witnessKeysOf(both, h.seed.orgs.liangxi!);
    const opened = tlog.openCheckpoint(cp!.note, {
      logKeys: keys.verifierKeys,
      witnessKeys: witness.verifierKeys,
    });
    expect(opened.note.verified).toHaveLength(4);

    const retired = { ...both, ledgerActiveKeys: ['k2'] };
    await queue(org.id, 4, 2);
    await sequenceLog(h.ctx.db, builders, org.id);
    await checkpointLog(h.ctx.db, retired, org.id);
    const [latest] = await queryRows<{ note: string }>(
      h.ctx.db,
      sql`select note from ledger_checkpoints where org_id = ${org.id} order by size desc limit 1`,
    );
    expect(latest!.note.split('\n').filter((l) => l.startsWith('— '))).toHaveLength(2);
    expect((await verifyLedger(h.ctx.db, retired, builders, [org.id])).findings).toEqual([]);
    // Dropping the old secret altogether would orphan what it signed: the verifier says so.
    const dropped = { ...retired, ledgerKeys: [fresh] };
    const findings = (await verifyLedger(h.ctx.db, dropped, builders, [org.id])).findings;
    expect(findings.some((f) => f.what === 'checkpoint')).toBe(true);
  });
});
