import { createHash } from 'node:crypto';
import type { CreateGiftImportInput, GiftImport } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { appeals } from '../donations/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { checkStatement } from './check-statement.ts';
import { readSheet } from './read-sheet.ts';
import { channelOf, markDuplicates, presentImport, type StoredRows } from './repository.ts';
import { giftImports } from './schema.ts';

/**
 * Reads an uploaded statement, checks every row and keeps the result as a preview: nothing becomes a
 * gift until staff confirm it (commit-import.ts). Rows already imported before — by this file or an
 * overlapping one — are marked as duplicates now, so staff see what committing will add.
 */
export async function previewImport(
  tx: Tx,
  actor: Actor,
  input: CreateGiftImportInput,
  now = new Date(),
): Promise<GiftImport> {
  await requireWritableOrg(tx, actor, 'donations:manage', input.orgId);
  if (input.appealId) {
    // The same rule as a single gift's: only the society's own, open appeals take its money.
    const [appeal] = await tx
      .select({ orgId: appeals.orgId, open: appeals.open })
      .from(appeals)
      .where(eq(appeals.id, input.appealId));
    if (!appeal || appeal.orgId !== input.orgId) throw invalid('GIFT_APPEAL_OTHER_ORG', 'appealId');
    if (!appeal.open) throw invalid('GIFT_APPEAL_CLOSED', 'appealId');
  }

  const bytes = Buffer.from(input.contentBase64, 'base64');
  const sheet = await readSheet(input.fileName, bytes);
  if (!sheet.length) throw invalid('GIFT_IMPORT_FILE_EMPTY', 'contentBase64');
  const checked = checkStatement(input.source, sheet, now);
  if (!checked.totalRows) throw invalid('GIFT_IMPORT_FILE_EMPTY', 'contentBase64');

  const rows = await markDuplicates(tx, input.orgId, channelOf(input.source), checked.rows);
  const stored: StoredRows = {
    appealId: input.appealId ?? null,
    debitRows: checked.debitRows,
    validFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
    items: rows,
  };
  const [row] = await tx
    .insert(giftImports)
    .values({
      orgId: input.orgId,
      source: input.source,
      fileName: input.fileName,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      totalRows: checked.totalRows,
      validRows: rows.length,
      errorRows: checked.errorRows,
      skippedDuplicates: rows.filter((r) => r.duplicate).length,
      rows: stored,
      errors: checked.errors,
      createdBy: actorName(actor),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'gift_imports.preview',
    orgId: row!.orgId,
    entityType: 'gift_import',
    entityId: row!.id,
    after: {
      source: row!.source,
      fileName: row!.fileName,
      fileSha256: row!.fileSha256,
      appealId: stored.appealId,
      totalRows: row!.totalRows,
      validRows: row!.validRows,
      errorRows: row!.errorRows,
      debitRows: stored.debitRows,
      duplicates: row!.skippedDuplicates,
      validFen: stored.validFen,
    },
  });
  return presentImport(tx, row!);
}
