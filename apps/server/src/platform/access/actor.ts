import type { DataScope, Permission } from '@boai/contracts';

/** One role held at one society: the permissions it gives and over which part of the tree. */
export interface Grant {
  orgId: number;
  orgPath: string;
  scope: DataScope;
  permissions: ReadonlySet<string>;
}

export interface UserActor {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  homeOrgId: number;
  grants: readonly Grant[];
  ip: string | null;
}

/**
 * Background work runs as a named system actor. It sees everything, so it is never implicit:
 * the name says which job acted, and every write it makes is audited under that name.
 */
export interface SystemActor {
  kind: 'system';
  name: string;
  ip: null;
}

export type Actor = UserActor | SystemActor;

export const systemActor = (name: string): SystemActor => {
  if (!/^[a-z][a-z0-9:_-]+$/.test(name)) throw new Error(`system actor needs a job name, got "${name}"`);
  return { kind: 'system', name, ip: null };
};

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return actor.grants.some((g) => g.permissions.has(permission));
}

export function permissionsOf(actor: UserActor): string[] {
  const all = new Set<string>();
  for (const g of actor.grants) for (const p of g.permissions) all.add(p);
  return [...all].sort();
}

/** Who acted, as written into records that name a person or job ('lx_admin', 'system:payments'). */
export const actorName = (actor: Actor): string =>
  actor.kind === 'user' ? actor.username : `system:${actor.name}`;
