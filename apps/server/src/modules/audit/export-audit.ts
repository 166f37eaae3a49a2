import type { Readable } from 'node:stream';
import { auditActionLabel, shanghaiDateTime } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { iterateAudit, type AuditFilter } from './search-audit.ts';

const HEADERS = ['编号', '时间', '操作人', '组织', '操作', '对象类型', '对象编号', 'IP', '变更前', '变更后'];

/**
 * Writes the filtered audit trail as .xlsx into a stream (exceljs streaming writer). The export
 * itself is an audited act: who took a copy of the trail, with which filter.
 */
export async function exportAudit(db: Db, actor: Actor, filter: AuditFilter): Promise<Readable> {
  await recordAudit(db, actor, {
    action: 'audit.export',
    orgId: actor.kind === 'user' ? actor.homeOrgId : null,
    entityType: 'audit',
    after: filter,
  });
  return streamXlsx(
    '审计日志',
    HEADERS.map((header, i) => ({ header, width: [8, 20, 14, 20, 22, 10, 10, 16, 40, 40][i]! })),
    rowsOf(db, actor, filter),
  );
}

async function* rowsOf(db: Db, actor: Actor, filter: AuditFilter) {
  for await (const e of iterateAudit(db, actor, filter)) {
    yield [
      e.id,
      shanghaiDateTime(new Date(e.at)),
      e.actorName ?? '',
      e.orgName ?? '',
      auditActionLabel(e.action),
      e.entityType ?? '',
      e.entityId ?? '',
      e.ip ?? '',
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
    ];
  }
}
