import { Button, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { auditActionLabel, type AuditEntry } from '@boai/contracts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { formatTime, toIsoInShanghai } from '../../lib/time.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { AUDIT_KEY, auditApi, type AuditFilters } from './api.ts';
import { auditDict } from './dict.ts';
import { AuditDiff } from './AuditDiff.tsx';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

// The range is picked as Beijing wall-clock time and sent as ISO datetimes with their offset.
function toParams(v: SearchValues): AuditFilters {
  const range = Array.isArray(v.range) ? (v.range as unknown[]) : [];
  return {
    from: typeof range[0] === 'string' ? toIsoInShanghai(range[0]) : undefined,
    to: typeof range[1] === 'string' ? toIsoInShanghai(range[1]) : undefined,
    action: text(v.action),
    entityType: text(v.entityType),
    entityId: text(v.entityId),
    actor: text(v.actor),
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  };
}

/** 审计日志: who did what, where and when; each row opens to the record before and after. */
export default function AuditPage() {
  const t = useT(auditDict);
  const { lang } = useLang();
  const can = useCan();

  const actorName = (e: AuditEntry) =>
    e.actorName ??
    (e.actorKind === 'system' ? t('system') : e.actorKind === 'anonymous' ? t('anonymous') : '-');

  const columns: ProColumns<AuditEntry>[] = [
    {
      title: t('timeRange'),
      dataIndex: 'range',
      valueType: 'dateTimeRange',
      hideInTable: true,
      colSize: 1.5,
      fieldProps: { id: 'range', style: { width: '100%' } },
    },
    {
      title: t('at'),
      dataIndex: 'at',
      search: false,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(e.at)}</span>,
    },
    { title: t('actor'), dataIndex: 'actor', render: (_, e) => actorName(e), fieldProps: { id: 'actor' } },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      render: (_, e) => e.orgName ?? '-',
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('action'),
      dataIndex: 'action',
      render: (_, e) => (
        <Tooltip title={e.action}>
          <Tag bordered={false}>{auditActionLabel(e.action, lang)}</Tag>
        </Tooltip>
      ),
      fieldProps: { id: 'action' },
    },
    {
      title: t('entity'),
      dataIndex: 'entity',
      search: false,
      render: (_, e) =>
        e.entityType ? (
          <Typography.Text>{e.entityId ? `${e.entityType} #${e.entityId}` : e.entityType}</Typography.Text>
        ) : (
          '-'
        ),
    },
    { title: t('entityType'), dataIndex: 'entityType', hideInTable: true, fieldProps: { id: 'entityType' } },
    { title: t('entityId'), dataIndex: 'entityId', hideInTable: true, fieldProps: { id: 'entityId' } },
    { title: t('ip'), dataIndex: 'ip', search: false, render: (_, e) => e.ip ?? '-' },
  ];

  return (
    <Page title={t('title')}>
      <QueryTable<AuditEntry, AuditFilters>
        queryKey={AUDIT_KEY}
        fetch={(p) => auditApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        headerTitle={<Typography.Text type="secondary">{t('timeZoneNote')}</Typography.Text>}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before !== null || e.after !== null,
        }}
        toolBarRender={(filters) =>
          can('audit:export')
            ? [
                <Button
                  key="export"
                  id="audit-export"
                  icon={<DownloadOutlined />}
                  href={auditApi.exportUrl(filters)}
                  download
                >
                  {t('export')}
                </Button>,
              ]
            : []
        }
      />
    </Page>
  );
}
