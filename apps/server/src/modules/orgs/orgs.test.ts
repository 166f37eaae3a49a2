import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let wx: string; // 无锡市 admin
let lx: string; // 梁溪区 admin
const o = () => h.seed.orgs as Record<string, number>;

beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
  lx = await h.login('lx_admin');
});
afterAll(() => h?.close());

const names = async (cookie: string) =>
  (await h.req('GET', '/api/orgs?includeInactive=true', { cookie }))
    .json()
    .items.map((x: { name: string }) => x.name);

describe('society tree', () => {
  it('shows a county administrator their county and everything below it, nothing else', async () => {
    const seen = await names(lx);
    expect(seen[0]).toBe('梁溪区红十字会');
    expect(seen).toContain('崇安寺街道五爱社区红十字会');
    expect(seen).not.toContain('锡山区红十字会');
    expect(seen).not.toContain('无锡市红十字会');
    expect(seen).not.toContain('江苏省红十字会');
  });

  it('creates a town below a county with the right path and depth, and refuses a level not below the parent', async () => {
    const res = await h.req('POST', '/api/orgs', {
      cookie: lx,
      body: { parentId: o().liangxi, name: '黄巷街道红十字会', level: 'town' },
    });
    expect(res.statusCode).toBe(200);
    const town = res.json();
    expect(town.path).toBe(`/${o().province}/${o().wuxi}/${o().liangxi}/${town.id}/`);
    expect(town.depth).toBe(3);
    const bad = await h.req('POST', '/api/orgs', {
      cookie: lx,
      body: { parentId: o().liangxi, name: '错误层级', level: 'city' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'level', code: 'ORG_LEVEL_INVALID' });
  });

  it('validates the unified social credit code (GB 32100) and keeps it unique', async () => {
    const bad = await h.req('POST', '/api/orgs', {
      cookie: lx,
      body: { parentId: o().liangxi, name: '校验位错误', level: 'town', uscc: '91350100M000100Y44' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('body.uscc');
    const good = await h.req('POST', '/api/orgs', {
      cookie: lx,
      body: { parentId: o().liangxi, name: '有信用代码的街道', level: 'town', uscc: '91350100M000100Y43' },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().uscc).toBe('91350100M000100Y43');
    const dup = await h.req('POST', '/api/orgs', {
      cookie: lx,
      body: { parentId: o().liangxi, name: '重复代码', level: 'town', uscc: '91350100M000100Y43' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ORG_USCC_TAKEN');
  });

  it('renames a society and keeps the old name in the audit trail', async () => {
    const res = await h.req('PATCH', `/api/orgs/${o().guangyi}`, {
      cookie: lx,
      body: { name: '广益街道红十字会（新）' },
    });
    expect(res.json().name).toBe('广益街道红十字会（新）');
    const audit = (
      await h.req('GET', `/api/audit?entityType=org&entityId=${o().guangyi}&action=orgs.update`, {
        cookie: lx,
      })
    ).json();
    expect(audit.items[0].before.name).toBe('广益街道红十字会');
    expect(audit.items[0].after.name).toBe('广益街道红十字会（新）');
  });

  it('moves a town with its whole subtree to another county; the old county loses sight of it', async () => {
    const res = await h.req('POST', `/api/orgs/${o().chonganshi}/move`, {
      cookie: wx,
      body: { newParentId: o().xishan },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().path).toBe(`/${o().province}/${o().wuxi}/${o().xishan}/${o().chonganshi}/`);
    const child = (await h.req('GET', `/api/orgs/${o()['chonganshi-community']}`, { cookie: wx })).json();
    expect(child.path).toBe(
      `/${o().province}/${o().wuxi}/${o().xishan}/${o().chonganshi}/${o()['chonganshi-community']}/`,
    );
    expect(child.depth).toBe(4);
    expect(await names(lx)).not.toContain('崇安寺街道五爱社区红十字会');
    // and back, so later tests see the original tree
    await h.req('POST', `/api/orgs/${o().chonganshi}/move`, {
      cookie: wx,
      body: { newParentId: o().liangxi },
    });
    expect(await names(lx)).toContain('崇安寺街道五爱社区红十字会');
  });

  it('refuses to move a society under itself or its own descendant', async () => {
    const res = await h.req('POST', `/api/orgs/${o().liangxi}/move`, {
      cookie: wx,
      body: { newParentId: o().chonganshi },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].code).toBe('ORG_MOVE_INTO_SELF');
  });

  it('deactivates instead of deleting: children first, history kept, hidden unless asked for', async () => {
    const blocked = await h.req('POST', `/api/orgs/${o().chonganshi}/deactivate`, {
      cookie: lx,
      body: { reason: '撤并' },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    const leaf = await h.req('POST', `/api/orgs/${o()['chonganshi-community']}/deactivate`, {
      cookie: lx,
      body: { reason: '社区撤并' },
    });
    expect(leaf.json().active).toBe(false);
    const active = (await h.req('GET', '/api/orgs', { cookie: lx }))
      .json()
      .items.map((x: { id: number }) => x.id);
    expect(active).not.toContain(o()['chonganshi-community']);
    const again = await h.req('POST', `/api/orgs/${o()['chonganshi-community']}/activate`, {
      cookie: lx,
      body: {},
    });
    expect(again.json().active).toBe(true);
  });

  it('answers "this society and below" with one indexed predicate on the path', async () => {
    const plan = await h.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const r = await tx.execute(
        sql`explain select id from orgs where path like ${`/${o().province}/${o().wuxi}/%`}`,
      );
      return (r as unknown as { rows: Record<string, string>[] }).rows
        .map((x) => Object.values(x)[0])
        .join('\n');
    });
    expect(plan).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) orgs_path_uq/);
  });
});
