import { authenticator } from 'otplib';

// RFC 6238 defaults (30 s, 6 digits, SHA-1) are what every authenticator app speaks; allow one step of clock drift.
authenticator.options = { window: 1 };

export const newTotpSecret = () => authenticator.generateSecret(20);
export const totpUri = (username: string, secret: string) =>
  authenticator.keyuri(username, '博爱 Boai', secret);
export const checkTotp = (secret: string, code: string) => authenticator.check(code, secret);
export const currentTotp = (secret: string) => authenticator.generate(secret);
