import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { certificatePdf, donors, gifts, receiptPdf } from '../donations/index.ts';
import { documentTokenAllows } from './document-token.ts';
import { resolveDonorSession } from './donor-session.ts';

export type GiftDocument = 'certificate' | 'receipt';

/**
 * A gift's certificate or receipt PDF for its donor: the signed-in mobile must be the gift's donor's,
 * or the token from a receipt lookup must name this gift. Anything else — someone else's gift, a
 * missing one, an expired token — answers NOT_FOUND alike.
 */
export async function giftDocumentForDonor(
  db: Db,
  pii: PiiVault,
  publicUrl: string,
  what: GiftDocument,
  giftId: number,
  auth: { cookie: string | undefined; token: string | undefined },
): Promise<{ number: string; pdf: Buffer }> {
  if (!documentTokenAllows(pii, auth.token, giftId)) {
    const found = await resolveDonorSession(db, auth.cookie);
    if (!found.session) throw notFound();
    const [own] = await db
      .select({ id: gifts.id })
      .from(gifts)
      .innerJoin(donors, eq(donors.id, gifts.donorId))
      .where(and(eq(gifts.id, giftId), eq(donors.mobileHash, found.session.mobileHash)));
    if (!own) throw notFound();
  }
  if (what === 'certificate') return certificatePdf(db, giftId, publicUrl);
  // The receipt PDF is written for staff, in scope; the donor's right to this one gift is proved above,
  // so it is produced as a named system job, for the one gift asked for.
  return receiptPdf(db, systemActor('my-gifts'), giftId, publicUrl);
}
