import { defineDict } from '../../lib/i18n.tsx';

export const auditDict = defineDict({
  title: { zh: '审计日志', en: 'Audit trail' },
  at: { zh: '时间', en: 'Time' },
  timeRange: { zh: '时间范围', en: 'Time range' },
  actor: { zh: '操作人', en: 'Actor' },
  org: { zh: '组织', en: 'Society' },
  action: { zh: '操作', en: 'Action' },
  entity: { zh: '对象', en: 'Object' },
  entityType: { zh: '对象类型', en: 'Object type' },
  entityId: { zh: '对象 ID', en: 'Object id' },
  ip: { zh: 'IP', en: 'IP' },
  export: { zh: '导出 Excel', en: 'Export to Excel' },
  before: { zh: '变更前', en: 'Before' },
  after: { zh: '变更后', en: 'After' },
  empty: { zh: '（无）', en: '(none)' },
  system: { zh: '系统', en: 'System' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  timeZoneNote: { zh: '时间均为北京时间', en: 'Times are China Standard Time' },
});
