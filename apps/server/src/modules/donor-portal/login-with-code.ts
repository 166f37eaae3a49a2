import { timingSafeEqual } from 'node:crypto';
import type { MyGiftsSession } from '@boai/contracts';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { donorPhoneCodes } from '../donations/index.ts';
import { createDonorSession } from './donor-session.ts';
import { codeHash } from './request-code.ts';

/** Wrong tries a code survives; the fifth wrong one burns it. */
export const CODE_MAX_ATTEMPTS = 5;

export type CodeLogin =
  | { ok: true; token: string; session: MyGiftsSession }
  | { ok: false; reason: 'MY_GIFTS_CODE_WRONG' | 'MY_GIFTS_CODE_BURNED' };

/**
 * 手机号登录: checks the mobile's latest code and opens a donor session. A wrong try is counted and
 * committed (the refusal is returned, not thrown, so the count survives); missing, expired, used and
 * wrong codes all answer alike.
 */
export async function loginWithCode(
  db: Db,
  pii: PiiVault,
  input: { mobile: string; code: string },
): Promise<CodeLogin> {
  const mobileHash = pii.lookupHash('mobile', input.mobile);
  return db.transaction(async (tx): Promise<CodeLogin> => {
    const [row] = await tx
      .select()
      .from(donorPhoneCodes)
      .where(
        and(
          eq(donorPhoneCodes.mobileHash, mobileHash),
          eq(donorPhoneCodes.used, false),
          gt(donorPhoneCodes.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(donorPhoneCodes.id))
      .limit(1)
      .for('update');
    if (!row) return { ok: false, reason: 'MY_GIFTS_CODE_WRONG' };
    const given = Buffer.from(codeHash(pii, mobileHash, input.code), 'hex');
    if (!timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'))) {
      const attempts = row.attempts + 1;
      const burned = attempts >= CODE_MAX_ATTEMPTS;
      await tx.update(donorPhoneCodes).set({ attempts, used: burned }).where(eq(donorPhoneCodes.id, row.id));
      return { ok: false, reason: burned ? 'MY_GIFTS_CODE_BURNED' : 'MY_GIFTS_CODE_WRONG' };
    }
    await tx.update(donorPhoneCodes).set({ used: true }).where(eq(donorPhoneCodes.id, row.id));
    const { token, expiresAt } = await createDonorSession(tx, mobileHash);
    return {
      ok: true,
      token,
      session: { mobileMasked: maskMobile(input.mobile), expiresAt: expiresAt.toISOString() },
    };
  });
}
