import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';

/**
 * The sandbox provider signs its notifications the way WeChat Pay v3 does — a message of
 * `timestamp\nnonce\nbody\n`, the timestamp, nonce, signature and key serial in headers — with
 * Ed25519 instead of RSA-SHA256 (same shape, shorter keys, native in node:crypto).
 */
export const SANDBOX_HEADERS = {
  timestamp: 'sandbox-timestamp',
  nonce: 'sandbox-nonce',
  signature: 'sandbox-signature',
  serial: 'sandbox-serial',
} as const;

const message = (timestamp: string, nonce: string, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.from(body), Buffer.from('\n')]);

/** The key's serial: the first 16 hex digits of the SHA-256 of its public key (DER). */
export function keySerial(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16).toUpperCase();
}

/** Signs a body as the sandbox sends it; returns the headers to send with it. */
export function signSandboxBody(
  privateKeyPem: string,
  body: string,
  now: Date,
  nonce = randomBytes(16).toString('hex'),
): Record<string, string> {
  const key = createPrivateKey(privateKeyPem);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = sign(null, message(timestamp, nonce, body), key).toString('base64');
  return {
    [SANDBOX_HEADERS.timestamp]: timestamp,
    [SANDBOX_HEADERS.nonce]: nonce,
    [SANDBOX_HEADERS.signature]: signature,
    [SANDBOX_HEADERS.serial]: keySerial(
      createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string,
    ),
  };
}

/** Whether `signature` (base64) is the sandbox key's signature over this timestamp, nonce and body. */
export function verifySandboxSignature(
  publicKeyPem: string,
  timestamp: string,
  nonce: string,
  body: Buffer,
  signature: string,
): boolean {
  const sig = Buffer.from(signature, 'base64');
  // Ed25519 signatures are exactly 64 bytes; anything else is not worth a verify call.
  if (sig.length !== 64) return false;
  return verify(null, message(timestamp, nonce, body), createPublicKey(publicKeyPem), sig);
}
