import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.ts';

/**
 * The transparency log (issue 5). One append-only Merkle log per society, RFC 6962 hashing,
 * checkpoints as C2SP signed notes, the parent society as the log's witness. Hashes travel as
 * standard base64; entries as their canonical JSON text (the exact bytes that were hashed).
 */

/** Kinds of public event a log records. Relief and aid add theirs when they land. */
export const LEDGER_KINDS = [
  'gift.received',
  'receipt.issued',
  'receipt.voided',
  'gift.cancelled',
  'disbursement.made',
  'disclosure.published',
  'goods.stocked',
  'allocation.shipped',
  'allocation.signed',
  'aid.given',
] as const;
export const ledgerKindSchema = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;
export const LEDGER_KIND_LABELS: Record<LedgerKind, { zh: string; en: string }> = {
  'gift.received': { zh: '接收捐赠', en: 'Gift received' },
  'receipt.issued': { zh: '开具票据', en: 'Receipt issued' },
  'receipt.voided': { zh: '票据冲红', en: 'Receipt voided' },
  'gift.cancelled': { zh: '撤销捐赠', en: 'Gift cancelled' },
  'disbursement.made': { zh: '拨付使用', en: 'Disbursement made' },
  'disclosure.published': { zh: '发布公示', en: 'Disclosure published' },
  'goods.stocked': { zh: '物资入库', en: 'Goods stocked' },
  'allocation.shipped': { zh: '调拨发运', en: 'Allocation shipped' },
  'allocation.signed': { zh: '签收', en: 'Allocation signed for' },
  'aid.given': { zh: '发放救助', en: 'Aid given' },
};

/** `gift:123`, `receipt:456`, `disbursement:7`, `disclosure-batch:9` … */
export const ledgerRefSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z-]{0,30}:\d{1,12}$/, '事件引用格式应为 类型:编号，如 gift:123');

const base64Hash = z.string();
/** A tree size or index as a query value: a non-negative safe integer. */
const treeNumber = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ledgerOrgParamsSchema = z.object({ orgId: idSchema });
export const ledgerEntryParamsSchema = z.object({ orgId: idSchema, index: treeNumber });

/** GET /api/public/ledger/logs */
export const ledgerLogSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** Checkpoint origin line, e.g. `127.0.0.1:3000/boai/org/4`. */
  origin: z.string(),
  size: z.number().int(),
  /** Signed-note verifier keys (`name+hex8+base64`) of every key that may sign this log's checkpoints. */
  keys: z.array(z.string()),
  /** The parent society's witness (cosignature/v1 verifier keys, name is the witness key name); null at the root. */
  witness: z.object({ name: z.string(), keys: z.array(z.string()) }).nullable(),
});
export type LedgerLog = z.infer<typeof ledgerLogSchema>;
export const ledgerLogListSchema = z.object({ items: z.array(ledgerLogSchema) });
export type LedgerLogList = z.infer<typeof ledgerLogListSchema>;

/** GET /api/public/ledger/logs/:orgId/checkpoints?after=&limit= */
export const ledgerCheckpointsQuerySchema = z.object({
  after: treeNumber.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const ledgerCheckpointSchema = z.object({
  size: z.number().int(),
  rootHash: base64Hash,
  /** The whole signed note: body + the log's signature line(s) + the witness cosignature line(s). */
  note: z.string(),
  createdAt: z.string(),
});
export type LedgerCheckpoint = z.infer<typeof ledgerCheckpointSchema>;
export const ledgerCheckpointListSchema = z.object({ items: z.array(ledgerCheckpointSchema) });

/** One log entry: `entry` is the canonical JSON text whose UTF-8 bytes give `leafHash`. */
export const ledgerEntrySchema = z.object({
  orgId: z.number().int(),
  index: z.number().int(),
  kind: z.string(),
  ref: z.string(),
  entry: z.string(),
  leafHash: base64Hash,
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export const ledgerEntryListSchema = z.object({ items: z.array(ledgerEntrySchema) });
export type LedgerEntryList = z.infer<typeof ledgerEntryListSchema>;

/** GET /api/public/ledger/logs/:orgId/entries?start=&limit= */
export const ledgerEntriesRangeQuerySchema = z.object({
  start: treeNumber.default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/public/ledger/logs/:orgId/proofs/inclusion?index=&size= */
export const ledgerInclusionQuerySchema = z.object({ index: treeNumber, size: treeNumber });
export const ledgerInclusionProofSchema = z.object({
  index: z.number().int(),
  size: z.number().int(),
  hashes: z.array(base64Hash),
});
export type LedgerInclusionProof = z.infer<typeof ledgerInclusionProofSchema>;

/** GET /api/public/ledger/logs/:orgId/proofs/consistency?first=&second= */
export const ledgerConsistencyQuerySchema = z.object({ first: treeNumber, second: treeNumber });
export const ledgerConsistencyProofSchema = z.object({
  first: z.number().int(),
  second: z.number().int(),
  hashes: z.array(base64Hash),
});
export type LedgerConsistencyProof = z.infer<typeof ledgerConsistencyProofSchema>;

/** GET /api/public/ledger/entries?receipt=<number> or ?ref=gift:123 (exactly one). */
export const ledgerEntriesLookupQuerySchema = z
  .object({
    receipt: z
      .string()
      .regex(/^\d{14}$/, '票据号码应为 14 位数字')
      .optional(),
    ref: ledgerRefSchema.optional(),
  })
  .refine((q) => (q.receipt === undefined) !== (q.ref === undefined), {
    message: '请提供票据号码或事件引用之一',
    path: ['receipt'],
  });

/** GET /api/public/ledger/trace/:receiptNumber — 善款去向. */
export const LEDGER_TRACE_STEPS = [
  'received',
  'receipted',
  'published',
  'allocated',
  'stocked',
  'shipped',
  'signed',
  'used',
  'voided',
] as const;
export const ledgerTraceStepNameSchema = z.enum(LEDGER_TRACE_STEPS);
export type LedgerTraceStepName = z.infer<typeof ledgerTraceStepNameSchema>;

export const ledgerTraceParamsSchema = z.object({
  receiptNumber: z.string().regex(/^\d{14}$/, '票据号码应为 14 位数字'),
});
export const ledgerTraceStepSchema = z.object({
  step: ledgerTraceStepNameSchema,
  at: z.string(),
  /** Chinese title of the step, e.g. 接收捐赠. */
  title: z.string(),
  /** One line of Chinese detail (amount, society, batch day …). */
  detail: z.string(),
  entry: z.object({
    orgId: z.number().int(),
    index: z.number().int(),
    kind: z.string(),
    entry: z.string(),
    leafHash: base64Hash,
  }),
  /**
   * Inclusion proof against the size of the step's log's latest checkpoint; null = not yet in a
   * checkpoint (shown as 待入账). A step in a log other than the receipt's carries that log's checkpoint.
   */
  proof: z
    .object({
      size: z.number().int(),
      hashes: z.array(base64Hash),
      /** The signed note the proof is against (the step's own log). */
      checkpoint: z.string(),
    })
    .nullable(),
});
export type LedgerTraceStep = z.infer<typeof ledgerTraceStepSchema>;
export const ledgerTraceSchema = z.object({
  receipt: z.object({
    number: z.string(),
    status: z.enum(['issued', 'voided']),
    amountFen: z.number().int(),
    date: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    appealName: z.string().nullable(),
  }),
  /** Latest checkpoint note of the receipt's society's log ('' if none yet). */
  checkpoint: z.string(),
  /** Verifier keys of the receipt's society's log. */
  logKeys: z.array(z.string()),
  steps: z.array(ledgerTraceStepSchema),
});
export type LedgerTrace = z.infer<typeof ledgerTraceSchema>;

// ---- console (login, permission ledger:view) ----

export const ledgerStatusItemSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  origin: z.string(),
  size: z.number().int(),
  checkpointSize: z.number().int().nullable(),
  checkpointAt: z.string().nullable(),
  /** Outbox rows not yet in the log. */
  backlog: z.number().int(),
  /** now − oldest outbox row, ms (0 when the backlog is empty). */
  lagMs: z.number().int(),
  /** Witness key name (the parent's) or null at the root. */
  witness: z.string().nullable(),
  /** Has the witness co-signed the latest checkpoint. */
  cosigned: z.boolean(),
});
export type LedgerStatusItem = z.infer<typeof ledgerStatusItemSchema>;
export const ledgerStatusSchema = z.object({ items: z.array(ledgerStatusItemSchema) });
export type LedgerStatus = z.infer<typeof ledgerStatusSchema>;

export const ledgerConsoleEntriesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  kind: ledgerKindSchema.optional(),
  ref: ledgerRefSchema.optional(),
  /** A receipt number: the entries of that receipt and of its gift. */
  receipt: z
    .string()
    .regex(/^\d{14}$/, '票据号码应为 14 位数字')
    .optional(),
});
export type LedgerConsoleEntriesQuery = z.infer<typeof ledgerConsoleEntriesQuerySchema>;
export const ledgerConsoleEntrySchema = ledgerEntrySchema.extend({ orgName: z.string() });
export const ledgerConsoleEntryPageSchema = pageOf(ledgerConsoleEntrySchema);
export type LedgerConsoleEntryPage = z.infer<typeof ledgerConsoleEntryPageSchema>;

/** One thing the verifier found wrong. `index`/`kind`/`ref` name the entry when the finding is about one. */
export const ledgerFindingSchema = z.object({
  orgId: z.number().int(),
  /** entry: stored text or leaf differs from a recomputation; node: a stored subtree hash is wrong;
   *  checkpoint: root, signature or prefix check failed; outbox: an event that cannot be built. */
  what: z.enum(['entry', 'node', 'checkpoint', 'outbox']),
  index: z.number().int().nullable(),
  kind: z.string().nullable(),
  ref: z.string().nullable(),
  /** Chinese description of what differs. */
  message: z.string(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});
export type LedgerFinding = z.infer<typeof ledgerFindingSchema>;

export const ledgerVerificationSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  byName: z.string().nullable(),
  /** Logs checked (org ids). */
  orgIds: z.array(z.number().int()),
  entriesChecked: z.number().int(),
  checkpointsChecked: z.number().int(),
  ok: z.boolean(),
  findings: z.array(ledgerFindingSchema),
});
export type LedgerVerification = z.infer<typeof ledgerVerificationSchema>;
export const ledgerVerificationPageSchema = pageOf(ledgerVerificationSchema);
export const ledgerVerificationsQuerySchema = pageQuerySchema;
