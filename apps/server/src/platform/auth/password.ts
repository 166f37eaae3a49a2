import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

// 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the username does not exist, so that
 * "no such user" takes as long as "wrong password" and timing reveals nothing.
 */
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(`dummy-${Math.random()}`));

const classesOf = (pw: string) =>
  [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;

/** Throws a field error on `field` when the password breaks the configured policy. */
export function checkPasswordPolicy(
  policy: PasswordPolicy,
  password: string,
  username: string,
  field = 'password',
): void {
  const params = { minLength: policy.minLength, minClasses: policy.minClasses };
  if ([...password].length < policy.minLength) {
    throw new AppError('VALIDATION_FAILED', 400, [{ field, code: 'PASSWORD_TOO_SHORT' }], params);
  }
  if (classesOf(password) < policy.minClasses) {
    throw new AppError('VALIDATION_FAILED', 400, [{ field, code: 'PASSWORD_TOO_SIMPLE' }], params);
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', 400, [{ field, code: 'PASSWORD_CONTAINS_USERNAME' }], params);
  }
}
