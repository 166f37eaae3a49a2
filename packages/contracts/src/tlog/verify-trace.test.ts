import { describe, expect, it } from 'vitest';
import type { LedgerLog, LedgerTrace, LedgerTraceStep } from '../ledger.ts';
import { toBase64 } from './bytes.ts';
import { honestLedger, signer, type FakeLedger } from './fake-ledger.testkit.ts';
import { inclusionRanges, rangeHash } from './merkle.ts';
import { signNote } from './note.ts';
import { verifyTrace } from './verify-trace.ts';

/** The trace of gift 2 / receipt 102 of the city society's log, as the server would answer it. */
function traceOf(
  ledger: FakeLedger,
  opts: { pendingLast?: boolean } = {},
): { trace: LedgerTrace; logs: LedgerLog[] } {
  const org = ledger.orgs.get(4)!;
  const cp = org.checkpoints.at(-1)!;
  const step = (index: number, name: LedgerTraceStep['step']): LedgerTraceStep => {
    const e = org.entries[index]!;
    return {
      step: name,
      at: '2026-11-24T10:00:00.000Z',
      title: name,
      detail: '',
      entry: { orgId: 4, index, kind: e.kind, entry: e.entry, leafHash: toBase64(e.leaf) },
      proof: {
        size: cp.size,
        hashes: inclusionRanges(index, cp.size).map(([s, end]) =>
          toBase64(rangeHash(s, end, ledger.nodes(4))),
        ),
        checkpoint: cp.note,
      },
    };
  };
  const steps = [step(2, 'received'), step(3, 'receipted')];
  if (opts.pendingLast) steps.push({ ...step(4, 'used'), proof: null });
  const logs = [...ledger.orgs.values()].map((o) => ledger.log(o));
  return {
    trace: {
      receipt: {
        number: '20261104000002',
        status: 'issued',
        amountFen: 2000,
        date: '2026-11-24',
        orgId: 4,
        orgName: '红十字会 4',
        appealName: null,
      },
      checkpoint: cp.note,
      logKeys: logs.find((l) => l.orgId === 4)!.keys,
      steps,
    },
    logs,
  };
}

describe('verifyTrace (the browser-side check of 善款去向)', () => {
  it('verifies every step of an honest trace, with the witness named', () => {
    const { trace, logs } = traceOf(honestLedger());
    const check = verifyTrace(trace, logs);
    expect(check.overall).toBe('verified');
    expect(check.steps).toEqual([
      {
        status: 'verified',
        size: 14,
        origin: 'ledger.test/boai/org/4',
        cosignedBy: ['ledger.test/boai/org/1/witness'],
      },
      {
        status: 'verified',
        size: 14,
        origin: 'ledger.test/boai/org/4',
        cosignedBy: ['ledger.test/boai/org/1/witness'],
      },
    ]);
  });

  it('a step not yet in a checkpoint is pending, and so is the whole', () => {
    const { trace, logs } = traceOf(honestLedger(), { pendingLast: true });
    const check = verifyTrace(trace, logs);
    expect(check.steps.map((s) => s.status)).toEqual(['verified', 'verified', 'pending']);
    expect(check.overall).toBe('pending');
  });

  it('fails a step whose proof, entry text or checkpoint signature was changed', () => {
    const ledger = honestLedger();
    const base = traceOf(ledger);
    const mutate = (change: (s: LedgerTraceStep) => LedgerTraceStep) => {
      const trace = { ...base.trace, steps: [change(base.trace.steps[0]!), base.trace.steps[1]!] };
      return verifyTrace(trace, base.logs);
    };
    const flip = (b64: string) => (b64[0] === 'A' ? 'B' : 'A') + b64.slice(1);

    const proof = mutate((s) => ({
      ...s,
      proof: { ...s.proof!, hashes: [flip(s.proof!.hashes[0]!), ...s.proof!.hashes.slice(1)] },
    }));
    expect(proof.overall).toBe('failed');
    expect(proof.steps[0]).toMatchObject({ status: 'failed', reason: 'proof' });
    expect(proof.steps[1]).toMatchObject({ status: 'verified' });

    const text = mutate((s) => ({
      ...s,
      entry: { ...s.entry, entry: s.entry.entry.replace('"amountFen":2000', '"amountFen":20000') },
    }));
    expect(text.steps[0]).toMatchObject({ status: 'failed', reason: 'entry' });

    const index = mutate((s) => ({ ...s, entry: { ...s.entry, index: s.entry.index + 1 } }));
    expect(index.steps[0]).toMatchObject({ status: 'failed', reason: 'proof' });

    // A checkpoint re-signed with a key the society never published.
    const body = base.trace.steps[0]!.proof!.checkpoint.split('\n\n')[0]! + '\n';
    const forged = signNote(body, { ...signer('x'), name: 'ledger.test/boai/org/4' });
    const signature = mutate((s) => ({ ...s, proof: { ...s.proof!, checkpoint: forged } }));
    expect(signature.steps[0]).toMatchObject({ status: 'failed', reason: 'signature' });

    const size = mutate((s) => ({ ...s, proof: { ...s.proof!, size: s.proof!.size - 1 } }));
    expect(size.steps[0]).toMatchObject({ status: 'failed', reason: 'proof' });
  });

  it('takes keys from the published log list, not from the trace', () => {
    const { trace, logs } = traceOf(honestLedger());
    expect(
      verifyTrace(
        trace,
        logs.filter((l) => l.orgId !== 4),
      ).steps[0],
    ).toMatchObject({ reason: 'no-log' });
  });
});
