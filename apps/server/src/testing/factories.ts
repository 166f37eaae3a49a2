import type { DataScope } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { createUser } from '../modules/staff/create-user.ts';
import { roles } from '../modules/staff/schema.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { AppContext } from '../platform/http/context.ts';
import { DEMO_PASSWORD } from './harness.ts';

/** One-line staff factory: a user at `orgId` holding a built-in role (or none), ready to log in. */
export async function makeUser(
  ctx: AppContext,
  username: string,
  orgId: number,
  role: 'admin' | 'staff' | 'auditor' | null,
  scope: DataScope = 'subtree',
) {
  const roleRow = role
    ? (
        await ctx.db
          .select()
          .from(roles)
          .where(and(eq(roles.builtin, true), eq(roles.code, role)))
      )[0]
    : undefined;
  return ctx.db.transaction((tx) =>
    createUser(tx, { pii: ctx.pii, policy: { minLength: 10, minClasses: 3 } }, systemActor('test-factory'), {
      orgId,
      username,
      displayName: `测试${username}`,
      mobile: null,
      password: DEMO_PASSWORD,
      grants: roleRow ? [{ roleId: roleRow.id, orgId, scope }] : [],
    }),
  );
}
