import { parseArgs } from 'node:util';
import { ORG_LEVELS, type OrgLevel } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo } from '../modules/demo.ts';
import { modules } from '../modules/index.ts';
import { createOrg, createRootOrg } from '../modules/orgs/create-org.ts';
import { ensureBuiltinRoles } from '../modules/staff/builtin-roles.ts';
import { createUser } from '../modules/staff/create-user.ts';
import { roles, users } from '../modules/staff/schema.ts';
import { resetUserPassword } from '../modules/staff/update-user.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/record.ts';
import { loadConfig } from '../platform/config.ts';
import { openContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { messageFor } from '../platform/i18n/messages.ts';
import { ledgerAuditCommand, ledgerVerifyCommand } from './ledger.ts';

const USAGE = `用法 / usage: npm run boai -- <command> [options]

  migrate                                   应用数据库迁移
  seed [--password P]                       向空数据库写入演示数据
  create-org --name N --level L [--parent ID] [--uscc C] [--region 6位代码]
                                            新建组织；不带 --parent 时新建顶级组织
  create-user --org ID --username U --name N --password P [--role admin|staff|auditor] [--scope own|subtree]
                                            新建工作人员（并授予内置角色）
  reset-password --username U --password P 重置密码（下次登录须修改）
  rotate-pii                                用当前密钥 (BOAI_PII_ACTIVE_KEY) 重新加密全部个人信息
  ledger verify [--org ID]                  校验公开账本：由数据库重算每条条目、每个子树与检查点；有问题时退出码为 1
  ledger audit <公开网址> [--state 文件]     只用公开接口独立核验各账本（签名、见证、条目、一致性）；
                                            --state 保存已见检查点，下次核验其一致性
`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values: o, positionals } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      level: { type: 'string' },
      parent: { type: 'string' },
      uscc: { type: 'string' },
      region: { type: 'string' },
      org: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      state: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [sub, target] = positionals;
  if (command === 'ledger' && sub === 'audit') {
    process.exitCode = await ledgerAuditCommand(target, o.state ?? null, (l) =>
      process.stdout.write(`${l}\n`),
    );
    return;
  }
  if (!command || command === 'help' || command === '--help') return void process.stdout.write(USAGE);
  const config = loadConfig();
  const ctx = await openContext(config);
  // Every CLI write is audited under this named system actor.
  const actor = systemActor(`cli:${command}`);
  const policy = { minLength: config.passwordMinLength, minClasses: config.passwordMinClasses };
  const need = (v: string | undefined, flag: string) => {
    if (!v) throw new Error(`缺少参数 --${flag}`);
    return v;
  };
  try {
    switch (command) {
      case 'migrate':
        process.stdout.write('数据库迁移已应用 / migrations applied\n');
        break;
      case 'seed': {
        if (!(await isDatabaseEmpty(ctx.db)))
          throw new Error('数据库不是空的，不能写入演示数据 (database is not empty)');
        process.stdout.write(formatDemoAccounts(await seedDemo(ctx, o.password)));
        break;
      }
      case 'create-org': {
        const level = need(o.level, 'level') as OrgLevel;
        if (!ORG_LEVELS.includes(level)) throw new Error(`--level 应为 ${ORG_LEVELS.join(' / ')}`);
        const org = await ctx.db.transaction(async (tx) => {
          const input = {
            name: need(o.name, 'name'),
            level,
            uscc: o.uscc ?? null,
            regionCode: o.region ?? null,
          };
          if (o.parent) return createOrg(tx, actor, { ...input, parentId: Number(o.parent) });
          const root = await createRootOrg(tx, actor, input);
          await ensureBuiltinRoles(tx, actor, root.id);
          return root;
        });
        process.stdout.write(`已创建组织 #${org.id} ${org.name} (${org.path})\n`);
        break;
      }
      case 'create-user': {
        const user = await ctx.db.transaction(async (tx) => {
          const orgId = Number(need(o.org, 'org'));
          const role = (
            await tx
              .select()
              .from(roles)
              .where(sql`${roles.builtin} and ${roles.code} = ${o.role ?? 'admin'}`)
          )[0];
          if (!role) throw new Error(`内置角色 ${o.role} 不存在`);
          const scope = o.scope === 'own' ? 'own' : 'subtree';
          return createUser(tx, { pii: ctx.pii, policy }, actor, {
            orgId,
            username: need(o.username, 'username'),
            displayName: need(o.name, 'name'),
            password: need(o.password, 'password'),
            mobile: null,
            grants: [{ roleId: role.id, orgId, scope }],
          });
        });
        process.stdout.write(`已创建用户 #${user.id} ${user.username}（${user.orgName}）\n`);
        break;
      }
      case 'reset-password': {
        const username = need(o.username, 'username');
        const user = (
          await ctx.db
            .select()
            .from(users)
            .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
        )[0];
        if (!user) throw new Error(`用户 ${username} 不存在`);
        await ctx.db.transaction((tx) =>
          resetUserPassword(tx, policy, actor, user.id, need(o.password, 'password')),
        );
        process.stdout.write(`已重置 ${user.username} 的密码，下次登录须修改\n`);
        break;
      }
      case 'rotate-pii': {
        for (const m of modules) {
          if (!m.rotatePii) continue;
          const n = await ctx.db.transaction(async (tx) => {
            const changed = await m.rotatePii!(tx, ctx.pii);
            await recordAudit(tx, actor, {
              action: 'pii.rotate',
              orgId: null,
              entityType: 'module',
              entityId: m.name,
              after: { changed, activeKey: config.piiActiveKey },
            });
            return changed;
          });
          process.stdout.write(`${m.name}: 重新加密 ${n} 行\n`);
        }
        break;
      }
      case 'ledger': {
        if (sub !== 'verify') {
          process.stdout.write(USAGE);
          process.exitCode = 2;
          break;
        }
        const org = o.org === undefined ? null : Number(o.org);
        if (org !== null && !Number.isSafeInteger(org)) throw new Error('--org 应为组织编号');
        process.exitCode = await ledgerVerifyCommand(ctx, org, (l) => process.stdout.write(`${l}\n`));
        break;
      }
      default:
        process.stdout.write(USAGE);
        process.exitCode = 2;
    }
  } finally {
    await ctx.database.close();
  }
}

main().catch((e) => {
  if (e instanceof AppError) {
    const fields = e.fields
      .map((f) => `  ${f.field}: ${f.message ?? messageFor('zh-CN', f.code as never, e.params)}`)
      .join('\n');
    process.stderr.write(`错误 ${e.code}: ${messageFor('zh-CN', e.code, e.params)}\n${fields}\n`);
  } else process.stderr.write(`错误: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
