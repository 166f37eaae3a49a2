import { shanghaiDate, startOfShanghaiDay } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { autoPublish } from './auto-publish.ts';

let h: Harness;
const today = () => shanghaiDate(new Date());
/** An instant of today at the given Shanghai wall-clock hour. */
const at = (hour: number, minute = 0) =>
  new Date(startOfShanghaiDay(today()).getTime() + (hour * 60 + minute) * 60_000);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const batchesToday = () =>
  queryRows<{ org_id: number; automatic: boolean; published_by: string; gift_count: number }>(
    h.ctx.db,
    sql`select org_id, automatic, published_by, gift_count from disclosure_batches where day = ${today()} order by org_id`,
  );

describe('automatic daily publication', () => {
  it('publishes, from the configured hour, every society with something pending and only those', async () => {
    const lx = await h.login('lx_admin');
    const orgId = h.seed.orgs.guangyi!;
    const donor = (
      await h.req('POST', '/api/donors', {
        cookie: lx,
        body: { orgId, kind: 'enterprise', name: '广益物流公司' },
      })
    ).json().donor.id;
    const res = await h.req('POST', '/api/gifts', {
      cookie: lx,
      body: { orgId, donorId: donor, channel: 'bank', amountFen: 12_345, receivedOn: today() },
    });
    expect(res.statusCode).toBe(200);
    // Another society published today by hand already: the job leaves it alone.
    const manual = h.seed.orgs.chonganshi!;
    expect(
      (await h.req('POST', '/api/disclosure/batches', { cookie: lx, body: { orgId: manual, day: today() } }))
        .statusCode,
    ).toBe(200);
    expect(await autoPublish(h.ctx.db, 20, at(19, 59))).toEqual([]);
    expect((await batchesToday()).map((b) => b.org_id)).toEqual([manual]);

    const published = await autoPublish(h.ctx.db, 20, at(20, 1));
    expect(published).toContain(orgId);
    expect(published).not.toContain(manual);
    const rows = await batchesToday();
    expect(rows.map((b) => b.org_id).sort()).toEqual([...published, manual].sort());
    expect(rows.find((b) => b.org_id === orgId)).toMatchObject({
      automatic: true,
      published_by: 'system:disclosure-auto',
      gift_count: 1,
    });
    expect(rows.find((b) => b.org_id === manual)).toMatchObject({
      automatic: false,
      published_by: 'lx_admin',
    });
    // Only societies that had something pending got a batch: none of the automatic ones is empty.
    const [empty] = await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from disclosure_batches b where day = ${today()} and automatic
          and not exists (select 1 from disclosure_lines l where l.batch_id = b.id)`,
    );
    expect(empty!.n).toBe(0);

    // The next minute finds nothing more to do.
    expect(await autoPublish(h.ctx.db, 20, at(20, 2))).toEqual([]);
    const [audit] = await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from audit_log where action = 'disclosure.publish' and actor_name = 'system:disclosure-auto'
          and entity_id in (select id::text from disclosure_batches where day = ${today()})`,
    );
    expect(audit!.n).toBe(published.length);
  });

  it('skips deactivated societies', async () => {
    const wx = await h.login('wx_admin');
    const orgId = h.seed.orgs.chengjiang!;
    const donor = (
      await h.req('POST', '/api/donors', {
        cookie: wx,
        body: { orgId, kind: 'enterprise', name: '澄江商贸公司' },
      })
    ).json().donor.id;
    await h.req('POST', '/api/gifts', {
      cookie: wx,
      body: { orgId, donorId: donor, channel: 'bank', amountFen: 500, receivedOn: today() },
    });
    const off = await h.req('POST', `/api/orgs/${orgId}/deactivate`, {
      cookie: wx,
      body: { reason: '撤并' },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await autoPublish(h.ctx.db, 20, at(23, 30))).toEqual([]);
  });
});
