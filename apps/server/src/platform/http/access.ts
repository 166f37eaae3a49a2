import type { Permission } from '@boai/contracts';

/**
 * What every route must declare (checked when the route is registered; an /api route without it
 * stops the server from starting):
 * - `{ public: true }`: no session needed;
 * - `{ session: 'pending' }`: a half-finished login (second factor still owed) is enough;
 * - `{ session: 'self' }`: any full session, even one that must change its password first;
 * - `{ permission }`: a full session holding that permission somewhere in the tree.
 */
export type RouteAccess =
  { public: true } | { session: 'pending' } | { session: 'self' } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
