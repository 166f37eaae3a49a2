/** PostgreSQL error code of a failed query, looking through Drizzle's wrapper. */
export function pgErrorCode(e: unknown): { code?: string; constraint?: string } {
  let cur: unknown = e;
  for (let i = 0; i < 3 && cur && typeof cur === 'object'; i++) {
    const o = cur as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      return { code: o.code, constraint: typeof o.constraint === 'string' ? o.constraint : undefined };
    }
    cur = o.cause;
  }
  return {};
}

export const isUniqueViolation = (e: unknown, constraint?: string) => {
  const { code, constraint: c } = pgErrorCode(e);
  return code === '23505' && (!constraint || c === constraint);
};
