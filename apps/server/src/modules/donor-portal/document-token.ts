import { timingSafeEqual } from 'node:crypto';
import type { PiiVault } from '../../platform/pii/index.ts';

/**
 * The token a receipt lookup hands out so the finder can open that one gift's certificate and receipt
 * PDFs: `<giftId>.<expiry epoch seconds>.<keyed MAC>`. Stateless — the MAC is the PII lookup key's
 * HMAC, which only the server holds — and it names one gift only, so it grants nothing more than the
 * lookup already proved (the receipt number and the phone's last four digits).
 */
export const DOCUMENT_TOKEN_MINUTES = 15;

const mac = (pii: PiiVault, giftId: number, expires: number) =>
  pii.lookupHash('my-gifts-document', `${giftId}.${expires}`);

export function issueDocumentToken(pii: PiiVault, giftId: number, now = new Date()) {
  const expires = Math.floor(now.getTime() / 1000) + DOCUMENT_TOKEN_MINUTES * 60;
  return {
    token: `${giftId}.${expires}.${mac(pii, giftId, expires)}`,
    expiresAt: new Date(expires * 1000),
  };
}

/** Whether the token is intact, unexpired and for this gift. */
export function documentTokenAllows(
  pii: PiiVault,
  token: string | undefined,
  giftId: number,
  now = new Date(),
): boolean {
  const m = token ? /^(\d{1,10})\.(\d{1,12})\.([0-9a-f]{64})$/.exec(token) : null;
  if (!m) return false;
  const [, id, exp, given] = m as unknown as [string, string, string, string];
  if (Number(id) !== giftId || Number(exp) * 1000 <= now.getTime()) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(mac(pii, giftId, Number(exp)), 'hex'));
}
