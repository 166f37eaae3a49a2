import type { MyGiftsList } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { donors } from '../donations/index.ts';
import { resolveDonorSession } from './donor-session.ts';
import { presentMyGifts, unsafeGiftsOfMobile } from './present-my-gifts.ts';

/**
 * 我的捐赠: every gift given from the signed-in mobile, at every society — one phone, all its gifts.
 * Without a session it says so (and whether one just ran out) rather than failing, because the page
 * asks this first to know whether to show the sign-in form.
 */
export async function listMyGifts(db: Db, pii: PiiVault, cookie: string | undefined): Promise<MyGiftsList> {
  const found = await resolveDonorSession(db, cookie);
  if (!found.session) return { signedIn: false, expired: found.expired };
  const { mobileHash, expiresAt } = found.session;
  const rows = await unsafeGiftsOfMobile(db, mobileHash);
  const [donor] = await db
    .select({ mobileEnc: donors.mobileEnc })
    .from(donors)
    .where(eq(donors.mobileHash, mobileHash))
    .limit(1);
  return {
    signedIn: true,
    session: {
      mobileMasked: donor?.mobileEnc ? maskMobile(pii.decrypt(donor.mobileEnc)) : null,
      expiresAt: expiresAt.toISOString(),
    },
    gifts: await presentMyGifts(db, rows),
    // Cancelled gifts are listed with their status but are not money given.
    totalFen: rows.filter((g) => g.status === 'confirmed').reduce((sum, g) => sum + g.amountFen, 0),
  };
}
