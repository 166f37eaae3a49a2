import type { DataScope } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { ensureBuiltinRoles } from './builtin-roles.ts';
import { createUser } from './create-user.ts';

const ACCOUNTS: [
  username: string,
  name: string,
  orgKey: string,
  role: 'admin' | 'staff' | 'auditor',
  scope: DataScope,
  mobile: string,
][] = [
  ['js_admin', '周建国', 'province', 'admin', 'subtree', '13951000001'],
  ['js_audit', '陈静', 'province', 'auditor', 'subtree', '13951000002'],
  ['wx_admin', '王丽华', 'wuxi', 'admin', 'subtree', '13961000003'],
  ['lx_admin', '李明', 'liangxi', 'admin', 'subtree', '13961000004'],
  ['xs_admin', '张晓燕', 'xishan', 'admin', 'subtree', '13961000005'],
  ['xs_staff', '刘洋', 'xishan', 'staff', 'own', '13961000006'],
  ['sz_admin', '吴婷', 'suzhou', 'admin', 'subtree', '13962000007'],
  ['cas_staff', '赵志强', 'chonganshi', 'staff', 'subtree', '13961000008'],
];

export async function seedDemoStaff(tx: Tx, seed: DemoSeed): Promise<void> {
  const roleIds = await ensureBuiltinRoles(tx, seed.actor, seed.orgs.province!);
  const roleNames = { admin: '管理员', staff: '工作人员', auditor: '监事（只读审计）' };
  // Demo accounts use the default policy so a fresh clone works without configuration.
  const policy = { minLength: 10, minClasses: 3 };
  for (const [username, displayName, orgKey, role, scope, mobile] of ACCOUNTS) {
    const orgId = seed.orgs[orgKey]!;
    const user = await createUser(tx, { pii: seed.pii, policy }, seed.actor, {
      orgId,
      username,
      displayName,
      mobile,
      password: seed.password,
      grants: [{ roleId: roleIds[role]!, orgId, scope }],
    });
    seed.accounts.push({
      username,
      password: seed.password,
      displayName,
      orgName: user.orgName,
      roleName: roleNames[role],
    });
  }
}
