import type { resolveSession } from './sessions.ts';

type Resolved = Awaited<ReturnType<typeof resolveSession>>;

/**
 * Sessions resolved in the last second, by cookie token. Why: resolving a session (with its user and
 * grants) was one query per request, and on a busy counter that query was a third of the work.
 *
 * What may be stale, and for how long: a write through this process's account, role, grant or society
 * endpoints clears the cache at once (see `ACCOUNT_ROUTES`), so a logout, a revoked role or a
 * deactivated society takes effect on the very next request. A change made elsewhere — the CLI, a
 * second server process, plain SQL — takes effect within `ttlMs`.
 */
export function createSessionCache(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { at: number; value: Resolved }>();
  return {
    get(token: string, now = Date.now()): Resolved | undefined {
      const hit = entries.get(token);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (hit) entries.delete(token);
      return undefined;
    },
    set(token: string, value: Resolved, now = Date.now()) {
      // Only live sessions are kept: an error answer is cheap to recompute and must never stick.
      if ('error' in value) return;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(token, { at: now, value });
    },
    clear() {
      entries.clear();
    },
  };
}

/** Writes to these change who may do what: they clear the session cache. */
export const ACCOUNT_ROUTES = /^\/api\/(auth|users|roles|orgs)(\/|$)/;
