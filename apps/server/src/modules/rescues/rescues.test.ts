import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import {
  get,
  h,
  idCard,
  importRoster,
  liangxi,
  newClass,
  post,
  useTrainingHarness,
  xs,
} from '../training/testing.ts';

useTrainingHarness();

const report = (body: Record<string, unknown>) => h.req('POST', '/api/public/rescues', { body });
const yesterday = `${shanghaiDate(new Date(Date.now() - 86_400_000))}T08:30`;

describe('rescue cases', () => {
  let number: string;
  let other: string;
  let base: Record<string, unknown>;
  beforeAll(async () => {
    const cls = await newClass({ title: '施救测试班' });
    await importRoster(cls.id, [
      ['施救甲', idCard(160), null],
      ['施救乙', idCard(161), null],
    ]);
    const trainees = (await get(`/api/training/classes/${cls.id}`)).json().trainees as { id: number }[];
    await post(`/api/training/classes/${cls.id}/results`, {
      results: trainees.map((t) => ({
        traineeId: t.id,
        attended: true,
        theoryScore: 90,
        practicalScore: 90,
      })),
    });
    [number, other] = (await post(`/api/training/classes/${cls.id}/certificates`))
      .json()
      .issued.map((i: { number: string }) => i.number);
    base = {
      certificateNumber: number,
      name: '施救甲',
      mobile: '13900006000',
      occurredAt: yesterday,
      place: '梁溪区清名桥历史街区',
      actions: ['cpr', 'aed'],
      description: '路人倒地无呼吸，实施心肺复苏并使用附近商铺的 AED。',
      outcome: 'hospital_alive',
      aedUsed: false,
      casualtyAgeBand: 'adult',
      casualtySex: 'male',
    };
  });

  it('answers a wrong name and an unknown number alike, and will not take what it must not keep', async () => {
    const wrong = await report({ ...base, name: '别人' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ field: 'certificateNumber', code: 'RESCUE_CERTIFICATE_NOT_MATCHED' }),
    ]);
    const unknown = await report({ ...base, certificateNumber: 'JH99999999999999' });
    expect(unknown.json()).toEqual(wrong.json());
    // Nothing about the person helped beyond age band and sex: a name or phone of theirs is refused.
    const extra = await report({ ...base, casualtyName: '张三' });
    expect(extra.statusCode).toBe(400);
    const future = await report({
      ...base,
      occurredAt: `${shanghaiDate(new Date(Date.now() + 2 * 86_400_000))}T08:00`,
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'occurredAt', code: 'RESCUE_IN_FUTURE' });
    const noDay = await report({ ...base, occurredAt: '2026-02-30T08:00' });
    expect(noDay.json().fields[0]).toMatchObject({ field: 'occurredAt' });
    const noAction = await report({ ...base, actions: [] });
    expect(noAction.json().fields[0]).toMatchObject({ field: 'body.actions' });
  });

  let id: number;
  it('takes a holder’s report for the issuing society only, phone masked, AED implied by the action', async () => {
    const res = await report({ ...base, name: ' 施救 甲 ' });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    const mine = (await get(`/api/rescues?status=reported&orgId=${liangxi}`)).json();
    const row = mine.items.find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({
      orgId: liangxi,
      certificateNumber: number,
      rescuerName: '施救甲',
      mobileMasked: '139****6000',
      aedUsed: true,
      status: 'reported',
      occurredAt: new Date(`${yesterday}:00+08:00`).toISOString(),
    });
    expect((await get(`/api/rescues/${id}`, xs)).statusCode).toBe(404);
    const theirs = (await get('/api/rescues?pageSize=200', xs)).json().items as { id: number }[];
    expect(theirs.map((r) => r.id)).not.toContain(id);
    const stored = await queryRows<{ mobile_enc: string }>(
      h.ctx.db,
      sql`select mobile_enc from rescues where id = ${id}`,
    );
    expect(stored[0]!.mobile_enc).not.toContain('13900006000');
  });

  it('is verified once, by its own society, then commended once; a decline needs a reason', async () => {
    expect((await post(`/api/rescues/${id}/commend`, { commendation: '先进个人' })).json().code).toBe(
      'RESCUE_NOT_VERIFIED',
    );
    expect((await post(`/api/rescues/${id}/review`, { decision: 'verified' }, xs)).statusCode).toBe(404);
    const noReason = await post(`/api/rescues/${id}/review`, { decision: 'rejected' });
    expect(noReason.json().fields[0]).toMatchObject({ field: 'body.note' });
    const ok = await post(`/api/rescues/${id}/review`, { decision: 'verified', note: '已核对急救中心记录' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', reviewedBy: 'lx_admin' });
    expect((await post(`/api/rescues/${id}/review`, { decision: 'rejected', note: 'x' })).json().code).toBe(
      'RESCUE_NOT_PENDING',
    );
    const commended = await post(`/api/rescues/${id}/commend`, { commendation: '梁溪区应急救护先进个人' });
    expect(commended.json()).toMatchObject({ commendation: '梁溪区应急救护先进个人' });
    expect((await post(`/api/rescues/${id}/commend`, { commendation: '再一次' })).json().code).toBe(
      'RESCUE_ALREADY_COMMENDED',
    );
  });

  it('shows on the holder’s public check behind the name, without place or story', async () => {
    const res = await h.req(
      'GET',
      `/api/public/certificates/${number}/rescues?name=${encodeURIComponent('施救甲')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      {
        occurredOn: yesterday.slice(0, 10),
        actions: ['cpr', 'aed'],
        outcome: 'hospital_alive',
        aedUsed: true,
        commendation: '梁溪区应急救护先进个人',
      },
    ]);
    const wrong = await h.req(
      'GET',
      `/api/public/certificates/${number}/rescues?name=${encodeURIComponent('施救乙')}`,
    );
    expect(wrong.statusCode).toBe(404);
    // The other holder has reported nothing; a pending report never shows.
    await report({ ...base, certificateNumber: other, name: '施救乙' });
    const none = await h.req(
      'GET',
      `/api/public/certificates/${other}/rescues?name=${encodeURIComponent('施救乙')}`,
    );
    expect(none.json()).toEqual([]);
  });

  it('refuses a report under a revoked certificate', async () => {
    const [cert] = (await get(`/api/training/certificates?q=${other}`)).json().items as { id: number }[];
    await post(`/api/training/certificates/${cert!.id}/revoke`, { reason: '测试' });
    const res = await report({ ...base, certificateNumber: other, name: '施救乙' });
    expect(res.json().fields[0]).toMatchObject({
      field: 'certificateNumber',
      code: 'RESCUE_CERTIFICATE_REVOKED',
    });
  });

  it('seeds a case in every state for the demo', async () => {
    const rows = await queryRows<{ status: string; commended: boolean }>(
      h.ctx.db,
      sql`select status, commendation is not null as commended from rescues where id < ${id} order by id`,
    );
    expect(rows).toEqual([
      { status: 'verified', commended: true },
      { status: 'verified', commended: false },
      { status: 'reported', commended: false },
      { status: 'rejected', commended: false },
    ]);
  });
});
