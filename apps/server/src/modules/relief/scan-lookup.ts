import type { ScanLookupAnswer, ScanLookupInput } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { findBatchByCode } from './batches-repository.ts';
import { failure } from './scan-allocation.ts';

/**
 * 收货入库 look-up: what each scanned label is — item, warehouse, location, stock, expiry, source and
 * designation — for batches the actor may see. Reads only; one unknown code does not hide the others.
 */
export async function lookupLabels(
  q: Queryable,
  actor: Actor,
  input: ScanLookupInput,
  lang: Lang,
): Promise<ScanLookupAnswer> {
  const results = [];
  for (const code of input.codes) {
    try {
      const b = await findBatchByCode(q, actor, code);
      const where = [b.warehouseName, b.locationCode].filter(Boolean).join(' ');
      results.push({
        code,
        ok: true,
        errorCode: null,
        message: `${b.itemName}（${where}）在库 ${b.onHand} ${b.unit}，可用 ${b.free}${b.expiresOn ? `，有效期至 ${b.expiresOn}` : ''}`,
        batch: b,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ code, ...failure(e, lang) });
    }
  }
  return { results };
}
