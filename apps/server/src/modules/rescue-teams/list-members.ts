import {
  RESCUE_GENDER_LABELS,
  RESCUE_MEMBER_ROLE_LABELS,
  shanghaiDate,
  type ListRescueMembersQuery,
  type RescueMember,
} from '@boai/contracts';
import { and, eq, exists, isNull, lt, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { memberOrder, presentMembers, requireTeam } from './repository.ts';
import { rescueMemberCertificates, rescueTeamMembers } from './schema.ts';

/** A team's members (serving ones unless `includeLeft`), optionally only those with an expired certificate. */
export async function listMembers(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  teamId: number,
  query: ListRescueMembersQuery,
  now = new Date(),
): Promise<RescueMember[]> {
  await requireTeam(q, actor, 'relief:read', teamId);
  const m = rescueTeamMembers;
  const c = rescueMemberCertificates;
  const rows = await q
    .select()
    .from(m)
    .where(
      and(
        eq(m.teamId, teamId),
        query.includeLeft === 'true' ? undefined : isNull(m.leftOn),
        query.certificates === 'expired'
          ? exists(
              q
                .select({ one: sql`1` })
                .from(c)
                .where(and(eq(c.memberId, m.id), lt(c.expiresOn, shanghaiDate(now)))),
            )
          : undefined,
      ),
    )
    .orderBy(...memberOrder);
  return presentMembers(q, pii, rows, now);
}

const COLUMNS = [
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '手机', width: 14 },
  { header: '职务', width: 8 },
  { header: '入队日期', width: 12 },
  { header: '离队日期', width: 12 },
  { header: '技能', width: 30 },
  { header: '证书', width: 50 },
  { header: '过期证书数', width: 10 },
];

/** 队员花名册 (.xlsx), with every certificate and its date; phones masked. */
export async function exportMembers(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  teamId: number,
  query: ListRescueMembersQuery,
): Promise<Readable> {
  const members = await listMembers(q, pii, actor, teamId, query);
  async function* rows() {
    for (const x of members)
      yield [
        x.name,
        RESCUE_GENDER_LABELS[x.gender].zh,
        x.phoneMasked,
        RESCUE_MEMBER_ROLE_LABELS[x.role].zh,
        x.joinedOn,
        x.leftOn ?? '',
        x.skills.join('、'),
        x.certificates
          .map(
            (c) =>
              `${c.name}（${c.number}，${c.expiresOn ? `至 ${c.expiresOn}${c.expired ? ' 已过期' : ''}` : '长期'}）`,
          )
          .join('；'),
        x.expiredCertificates,
      ];
  }
  return streamXlsx('队员', COLUMNS, rows());
}
