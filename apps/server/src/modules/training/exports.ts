import type { Readable } from 'node:stream';
import {
  CERTIFICATE_STATE_LABELS,
  COURSE_KIND_LABELS,
  TRAINEE_RESULT_LABELS,
  type ListCertificatesQuery,
  type TargetProgressQuery,
} from '@boai/contracts';
import { and, desc, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { certificateFilter } from './list-certificates.ts';
import { getClass } from './list-classes.ts';
import { presentCertificates } from './repository.ts';
import { trainingCertificates } from './schema.ts';
import { targetProgress } from './target-progress.ts';

const ROSTER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '手机号', width: 14 },
  { header: '工作单位', width: 28 },
  { header: '报名方式', width: 10 },
  { header: '出勤', width: 8 },
  { header: '理论成绩', width: 10 },
  { header: '实操成绩', width: 10 },
  { header: '考核结果', width: 10 },
  { header: '证书编号', width: 20 },
] as const;

/** A class's roster with results as .xlsx (身份证 and mobile masked, as on screen). */
export async function exportRoster(q: Queryable, pii: PiiVault, actor: Actor, classId: number) {
  const detail = await getClass(q, pii, actor, classId);
  async function* rows() {
    let i = 0;
    for (const t of detail.trainees)
      yield [
        ++i,
        t.name,
        t.idCardMasked ?? '',
        t.mobileMasked ?? '',
        t.employer ?? '',
        t.source === 'online' ? '在线报名' : '名单导入',
        t.attended === null ? '' : t.attended ? '出勤' : '缺勤',
        t.theoryScore ?? '',
        t.practicalScore ?? '',
        TRAINEE_RESULT_LABELS[t.result].zh,
        t.certificateNumber ?? '',
      ];
  }
  return { title: detail.title, stream: streamXlsx('学员名单', ROSTER_COLUMNS, rows()) };
}

const CERT_COLUMNS = [
  { header: '证书编号', width: 20 },
  { header: '持证人', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '证书类别', width: 14 },
  { header: '培训项目', width: 24 },
  { header: '发证单位', width: 24 },
  { header: '发证日期', width: 12 },
  { header: '有效期至', width: 12 },
  { header: '状态（导出时）', width: 16 },
  { header: '撤销原因', width: 24 },
] as const;

/** Certificates as filtered on screen, as .xlsx, their state read at the moment of export. */
export function exportCertificates(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  query: Omit<ListCertificatesQuery, 'page' | 'pageSize'>,
  now = new Date(),
): Readable {
  const where = certificateFilter(actor, query, now);
  async function* rows() {
    // Keyset pages by id, newest first, so a large export never holds everything in memory.
    let before = 2_147_483_647;
    for (;;) {
      const page = await q
        .select()
        .from(trainingCertificates)
        .where(and(where, lt(trainingCertificates.id, before)))
        .orderBy(desc(trainingCertificates.id))
        .limit(500);
      if (!page.length) return;
      for (const c of await presentCertificates(q, pii, page, now))
        yield [
          c.number,
          c.holderName,
          c.idCardMasked ?? '',
          COURSE_KIND_LABELS[c.kind].zh,
          c.courseName,
          c.orgName,
          c.issuedOn,
          c.validUntil,
          CERTIFICATE_STATE_LABELS[c.state].zh,
          c.revokedReason ?? '',
        ];
      before = page[page.length - 1]!.id;
    }
  }
  return streamXlsx('证书', CERT_COLUMNS, rows());
}

const TARGET_COLUMNS = [
  { header: '单位', width: 24 },
  { header: '登记人口', width: 14 },
  { header: '持证目标（人）', width: 14 },
  { header: '已持证（人）', width: 14 },
  { header: '持证完成率', width: 12 },
  { header: '普及目标（人）', width: 14 },
  { header: '已普及（人）', width: 14 },
  { header: '普及完成率', width: 12 },
] as const;

/** Done as a share of the goal, as the progress page shows it ('' when there is no goal). */
export const percentOf = (done: number, goal: number | undefined) =>
  goal ? `${((done * 100) / goal).toFixed(1)}%` : '';

/** The progress page as .xlsx: the society itself, then each child society, against their targets. */
export async function exportTargetProgress(q: Queryable, actor: Actor, query: TargetProgressQuery) {
  const p = await targetProgress(q, actor, query);
  async function* rows() {
    for (const r of [{ ...p, orgName: `${p.orgName}（合计）` }, ...p.children])
      yield [
        r.orgName,
        r.target?.population ?? '',
        r.target?.certifiedGoal ?? '',
        r.certified,
        percentOf(r.certified, r.target?.certifiedGoal),
        r.target?.reachedGoal ?? '',
        r.reached,
        percentOf(r.reached, r.target?.reachedGoal),
      ];
  }
  return {
    title: `${p.orgName}${p.year}年救护培训目标进度`,
    stream: streamXlsx('目标进度', TARGET_COLUMNS, rows()),
  };
}
