import { randomBytes } from 'node:crypto';
import { systemActor, type SystemActor } from '../platform/access/actor.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/client.ts';
import type { PiiVault } from '../platform/pii/index.ts';
import { modules } from './index.ts';
import { countOrgs } from './orgs/index.ts';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  orgName: string;
  roleName: string;
}

/** Shared state of one demo seeding run: each module reads what earlier modules made and adds its own. */
export interface DemoSeed {
  actor: SystemActor;
  pii: PiiVault;
  /** The installation's settings (the ledger signs the demo's checkpoints with its keys). */
  config: Config;
  password: string;
  /** Demo societies by short key ('province', 'wuxi', 'liangxi' …). */
  orgs: Record<string, number>;
  accounts: DemoAccount[];
  disasterEvents?: Record<string, number>; // demo 灾害事件 by key ('typhoon', 'flood'), for relief's seed to send goods to
}

/** A readable random password that meets the default policy (upper, lower, digits, symbol). */
export const randomDemoPassword = () =>
  `Boai-${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}7a`;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}

/** Fills an empty database with a realistic demo: the society tree, staff at several levels, and each module's data. */
export async function seedDemo(
  ctx: { db: Db; pii: PiiVault; config: Config },
  password = randomDemoPassword(),
): Promise<DemoSeed> {
  const { db, pii, config } = ctx;
  const seed: DemoSeed = { actor: systemActor('demo-seed'), pii, config, password, orgs: {}, accounts: [] };
  await db.transaction(async (tx) => {
    for (const m of modules) if (m.seedDemo) await m.seedDemo(tx, seed);
  });
  for (const m of modules) if (m.afterSeedDemo) await m.afterSeedDemo(db, seed);
  return seed;
}

export function formatDemoAccounts(seed: DemoSeed): string {
  const lines = seed.accounts.map(
    (a) => `  ${a.username.padEnd(14)} ${a.password}   ${a.displayName}（${a.orgName} · ${a.roleName}）`,
  );
  return [
    '',
    '博爱 Boai 演示数据已创建。演示账号（只显示这一次，请妥善保存）：',
    'Demo data created. Demo accounts (shown once):',
    ...lines,
    '',
  ].join('\n');
}
