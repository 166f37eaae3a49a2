import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { users } from '../../modules/staff/schema.ts';
import { systemActor, type UserActor } from './actor.ts';
import { inScope } from './scope.ts';

const dialect = new PgDialect();
const render = (q: ReturnType<typeof inScope>) => dialect.sqlToQuery(sql`${q}`);

const actor = (grants: UserActor['grants']): UserActor => ({
  kind: 'user',
  userId: 1,
  username: 'u',
  displayName: 'u',
  homeOrgId: 4,
  grants,
  ip: null,
});

describe('inScope, the one data-scope function', () => {
  it('fails closed: no actor is an error, not "everything"', () => {
    expect(() => inScope(undefined, 'orgs:read', users.orgId)).toThrow(/without an actor/);
    expect(() => inScope(null, 'orgs:read', users.orgId)).toThrow();
  });

  it('gives an actor without the permission nothing at all', () => {
    const q = render(
      inScope(
        actor([{ orgId: 4, orgPath: '/1/4/', scope: 'subtree', permissions: new Set(['staff:read']) }]),
        'orgs:read',
        users.orgId,
      ),
    );
    expect(q.sql).toBe('false');
  });

  it('scopes "own" to the society itself and "subtree" to one path prefix', () => {
    const q = render(
      inScope(
        actor([
          { orgId: 4, orgPath: '/1/4/', scope: 'subtree', permissions: new Set(['staff:read']) },
          { orgId: 9, orgPath: '/1/2/9/', scope: 'own', permissions: new Set(['staff:read']) },
        ]),
        'staff:read',
        users.orgId,
      ),
    );
    expect(q.sql).toContain('"users"."org_id" in ($1)');
    expect(q.sql).toContain('"orgs"."path" like $2');
    expect(q.params).toEqual([9, '/1/4/%']);
  });

  it('lets only a named system actor see everything', () => {
    expect(render(inScope(systemActor('session-purge'), 'orgs:read', users.orgId)).sql).toBe('true');
    expect(() => systemActor('')).toThrow(/job name/);
  });
});
