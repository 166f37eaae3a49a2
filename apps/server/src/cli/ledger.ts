import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tlog, type LedgerFinding } from '@boai/contracts';
import { modules } from '../modules/index.ts';
import { builderSet, verifyLedger } from '../modules/ledger/index.ts';
import type { AppContext } from '../platform/http/context.ts';

/** One finding as a line an operator can act on: which log, which entry, what differs. */
export function formatFinding(f: LedgerFinding): string {
  const where = [`日志 ${f.orgId}`, f.index !== null ? `序号 ${f.index}` : null, f.kind, f.ref].filter(
    Boolean,
  );
  return `  [${f.what}] ${where.join(' ')} — ${f.message}`;
}

/**
 * `boai ledger verify [--org ID]`: rebuilds every entry from the database, every subtree from the
 * leaves, every checkpoint root and signature; prints what differs. Returns the exit code: 1 when
 * anything was found.
 */
export async function ledgerVerifyCommand(
  ctx: AppContext,
  orgId: number | null,
  out: (line: string) => void,
): Promise<number> {
  const builders = builderSet(modules.flatMap((m) => m.ledgerEntries ?? []));
  const result = await verifyLedger(ctx.db, ctx.config, builders, orgId === null ? null : [orgId]);
  out(
    `已校验 ${result.orgIds.length} 个日志，${result.entriesChecked} 条条目，${result.checkpointsChecked} 个检查点` +
      ` / checked ${result.orgIds.length} logs, ${result.entriesChecked} entries, ${result.checkpointsChecked} checkpoints`,
  );
  if (!result.findings.length) {
    out('未发现问题 / no findings');
    return 0;
  }
  out(`发现 ${result.findings.length} 处问题 / ${result.findings.length} findings:`);
  for (const f of result.findings) out(formatFinding(f));
  return 1;
}

/**
 * `boai ledger audit <publicUrl> [--state FILE]`: the standalone check anyone can run — public API
 * only, no database. The state file keeps the checkpoints seen last time, so the next run proves
 * the logs only grew since (a consistency proof per log). Returns the exit code.
 */
export async function ledgerAuditCommand(
  url: string | undefined,
  stateFile: string | null,
  out: (line: string) => void,
): Promise<number> {
  if (!url || !/^https?:\/\//.test(url)) {
    out('用法 / usage: boai ledger audit <http(s)://公开网址> [--state 文件]');
    return 2;
  }
  const state =
    stateFile && existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as tlog.AuditState)
      : null;
  const result = await tlog.auditLog(url, { fetch, state });
  let failed = 0;
  for (const log of result.logs) {
    out(
      `${log.ok ? '通过' : '未通过'} 日志 ${log.orgId}（${log.origin}）：${log.entriesChecked} 条条目，${log.checkpointsChecked} 个检查点`,
    );
    for (const f of log.findings) out(formatFinding(f));
    if (!log.ok) failed++;
  }
  if (stateFile) writeFileSync(stateFile, JSON.stringify(result.state, null, 2));
  out(
    failed
      ? `${failed} 个日志未通过核验 / ${failed} logs failed`
      : `全部 ${result.logs.length} 个日志核验通过 / all ${result.logs.length} logs verified`,
  );
  return failed ? 1 : 0;
}
