import { describe, expect, it } from 'vitest';
import { auditLog } from './audit-log.ts';
import { canonicalJson, entryBytes } from './canonical-json.ts';
import { honestLedger, origin } from './fake-ledger.testkit.ts';
import { leafHash } from './merkle.ts';

const BASE = 'https://ledger.test/';

describe('auditLog over the public API', () => {
  it('finds nothing wrong with an honest ledger and remembers what it saw', async () => {
    const ledger = honestLedger();
    const { logs, state } = await auditLog(BASE, { fetch: ledger.fetch });
    expect(logs).toEqual([
      expect.objectContaining({ orgId: 1, size: 1, ok: true, findings: [], entriesChecked: 1 }),
      expect.objectContaining({
        orgId: 4,
        size: 14,
        ok: true,
        findings: [],
        entriesChecked: 14,
        checkpointsChecked: 4,
      }),
    ]);
    expect(state.logs['4']).toMatchObject({ origin: origin(4), size: 14 });
  });

  it('a log that grew since the last run passes with a consistency proof from the remembered checkpoint', async () => {
    const ledger = honestLedger();
    const first = await auditLog(BASE, { fetch: ledger.fetch });
    ledger.append(4, 'gift.received', 50, { amountFen: 5 });
    ledger.checkpoint(4);
    const asked: string[] = [];
    const second = await auditLog(BASE, {
      fetch: (url) => (asked.push(url), ledger.fetch(url)),
      state: first.state,
    });
    expect(second.logs.every((l) => l.ok)).toBe(true);
    expect(asked).toContain(
      `https://ledger.test/api/public/ledger/logs/4/proofs/consistency?first=14&second=15`,
    );
    expect(second.state.logs['4']!.size).toBe(15);
  });

  it('a rewritten history, re-signed with the log key, is caught against the saved state', async () => {
    const ledger = honestLedger();
    const { state } = await auditLog(BASE, { fetch: ledger.fetch });
    // The society rebuilds its log with gift 3 changed, and signs and has witnessed fresh checkpoints.
    const org = ledger.orgs.get(4)!;
    const entries = org.entries;
    org.entries = [];
    org.checkpoints = [];
    for (const e of entries) {
      const value = JSON.parse(e.entry) as Record<string, unknown>;
      if (e.ref === 'gift:3') value.amountFen = 1;
      org.entries.push({
        ...e,
        entry: canonicalJson(value),
        leaf: leafHash(entryBytes(canonicalJson(value))),
      });
    }
    ledger.append(4, 'gift.received', 60);
    ledger.checkpoint(4);

    // Someone auditing for the first time sees a self-consistent log …
    expect((await auditLog(BASE, { fetch: ledger.fetch })).logs.every((l) => l.ok)).toBe(true);
    // … but whoever saw the old checkpoint is told the history changed, and keeps the old state.
    const again = await auditLog(BASE, { fetch: ledger.fetch, state });
    const log4 = again.logs.find((l) => l.orgId === 4)!;
    expect(log4.ok).toBe(false);
    expect(log4.findings).toEqual([
      expect.objectContaining({ what: 'checkpoint', message: expect.stringContaining('历史被改写') }),
    ]);
    expect(again.state.logs['4']).toEqual(state.logs['4']);
  });

  it('names the entry whose served text no longer matches its leaf hash', async () => {
    const ledger = honestLedger();
    ledger.tamper = (path, body) =>
      path === '/logs/4/entries' ? body.replace('\\"amountFen\\":5000', '\\"amountFen\\":500') : body;
    const { logs } = await auditLog(BASE, { fetch: ledger.fetch });
    const log4 = logs.find((l) => l.orgId === 4)!;
    expect(log4.ok).toBe(false);
    expect(log4.findings).toContainEqual(
      expect.objectContaining({
        what: 'entry',
        index: 8,
        kind: 'gift.received',
        ref: 'gift:5',
        message: '叶哈希与条目文本不符',
      }),
    );
    // The changed text also breaks every checkpoint from size 9 on.
    expect(log4.findings.some((f) => f.message.includes('根哈希与由条目重算的不一致'))).toBe(true);
  });

  it('refuses a checkpoint signed with a key that is not published', async () => {
    const ledger = honestLedger();
    ledger.append(4, 'gift.received', 70);
    ledger.checkpoint(4, { signWith: { name: origin(4), privateKey: new Uint8Array(32).fill(1) } });
    const log4 = (await auditLog(BASE, { fetch: ledger.fetch })).logs.find((l) => l.orgId === 4)!;
    expect(log4.ok).toBe(false);
    expect(log4.findings[0]!.message).toContain('最新检查点无法验证');
  });

  it('reports a checkpoint the witness did not co-sign', async () => {
    const ledger = honestLedger();
    ledger.append(4, 'gift.received', 71);
    ledger.checkpoint(4, { witness: false });
    const log4 = (await auditLog(BASE, { fetch: ledger.fetch })).logs.find((l) => l.orgId === 4)!;
    expect(log4.findings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('缺少见证方') }),
    ]);
  });

  it('reports an inclusion proof that does not verify', async () => {
    const ledger = honestLedger();
    ledger.tamper = (path, body) =>
      path === '/logs/4/proofs/inclusion' ? body.replace(/"hashes":\["./, '"hashes":["A') : body;
    const log4 = (await auditLog(BASE, { fetch: ledger.fetch })).logs.find((l) => l.orgId === 4)!;
    expect(log4.ok).toBe(false);
    expect(log4.findings.every((f) => f.message.includes('包含证明'))).toBe(true);
  });

  it('a log without a checkpoint yet is not a finding; a broken listing is an error', async () => {
    const ledger = honestLedger();
    ledger.addOrg(7, 1);
    ledger.append(7, 'gift.received', 80);
    const { logs } = await auditLog(BASE, { fetch: ledger.fetch, orgId: 7 });
    expect(logs).toEqual([expect.objectContaining({ orgId: 7, size: 0, ok: true })]);
    ledger.tamper = (path, body) => (path === '/logs' ? '{"items":1}' : body);
    await expect(auditLog(BASE, { fetch: ledger.fetch })).rejects.toThrow('响应格式');
  });
});
