import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('audit trail', () => {
  it('records who did what, where, with before and after', async () => {
    const lx = await h.login('lx_admin');
    await h.req('PATCH', `/api/orgs/${h.seed.orgs.guangyi}`, {
      cookie: lx,
      body: { name: '广益街道红十字会（更名）' },
    });
    const res = (await h.req('GET', '/api/audit?action=orgs.update', { cookie: lx })).json();
    expect(res.items[0]).toMatchObject({
      actorKind: 'user',
      actorName: 'lx_admin',
      orgId: h.seed.orgs.guangyi,
      orgName: '广益街道红十字会（更名）',
      entityType: 'org',
      before: expect.objectContaining({ name: '广益街道红十字会' }),
      after: expect.objectContaining({ name: '广益街道红十字会（更名）' }),
    });
    expect(res.items[0].ip).toBeTruthy();
  });

  it('cannot be altered or deleted, not even with plain SQL', async () => {
    await expect(h.ctx.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(h.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(h.ctx.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const methods = h.app.routeList.filter((r) => r.url.startsWith('/api/audit')).map((r) => r.method);
    expect(new Set(methods)).toEqual(new Set(['GET']));
  });

  it('marks demo seeding as the work of a named system actor', async () => {
    const r = await h.ctx.db.execute(
      sql`select distinct actor_kind, actor_name from audit_log where action = 'orgs.create'`,
    );
    expect((r as unknown as { rows: unknown[] }).rows).toEqual([
      { actor_kind: 'system', actor_name: 'system:demo-seed' },
    ]);
  });

  it('filters by time range and actor, and exports the same rows to .xlsx', async () => {
    const js = await h.login('js_admin');
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const list = (
      await h.req('GET', `/api/audit?actor=lx_admin&from=${encodeURIComponent(from)}`, { cookie: js })
    ).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((e: { actorName: string }) => e.actorName === 'lx_admin')).toBe(true);
    const res = await h.req('GET', `/api/audit/export?actor=lx_admin&from=${encodeURIComponent(from)}`, {
      cookie: js,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(String(sheet.getRow(2).getCell(3).value)).toBe('lx_admin');
    // taking a copy of the trail is itself recorded
    const exp = (await h.req('GET', '/api/audit?action=audit.export', { cookie: js })).json();
    expect(exp.total).toBe(1);
  });
});
