import { useState } from 'react';
import { Button, DatePicker, Grid, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  DISBURSEMENT_STATUS_LABELS,
  DISBURSEMENT_STATUSES,
  disbursementStatusSchema,
  formatFen,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  fundSourceSchema,
  type Disbursement,
  type DisbursementStatus,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime, dayOf } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { AppealSelect } from '../donations/pickers.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { disbursementsApi, DISBURSEMENTS_KEY, type Decision, type DisbursementQuery } from './api.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { disbursementsDict } from './dict.ts';
import { FundBalancesTable } from './FundBalancesTable.tsx';
import { RequestForm } from './RequestForm.tsx';

type Filters = Omit<DisbursementQuery, 'page' | 'pageSize'>;

const STATUS_COLORS: Record<DisbursementStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};

// Search fields are named apart from the request form's, so element ids never clash.
const toParams = (v: SearchValues): Filters => {
  const range = Array.isArray(v.filterRequestedOn) ? (v.filterRequestedOn as unknown[]) : [];
  return {
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    status: disbursementStatusSchema.safeParse(v.filterStatus).data,
    source: fundSourceSchema.safeParse(v.filterSource).data,
    appealId: typeof v.filterAppealId === 'number' ? v.filterAppealId : undefined,
    from: dayOf(range[0]),
    to: dayOf(range[1]),
  };
};

/** “待审批 ¥X · 已拨付 ¥Y” over everything the filters match, across all pages. */
function Totals({ filters }: { filters: Filters }) {
  const t = useT(disbursementsDict);
  const { data } = useQuery({
    queryKey: [...DISBURSEMENTS_KEY, 'totals', filters],
    queryFn: () => disbursementsApi.list({ ...filters, page: 1, pageSize: 1 }),
  });
  if (!data) return null;
  return (
    <Typography.Text id="disbursement-totals" strong style={{ whiteSpace: 'normal' }}>
      {t('totals', {
        pending: formatFen(data.totals.pendingFen, { symbol: true }),
        approved: formatFen(data.totals.approvedFen, { symbol: true }),
      })}
    </Typography.Text>
  );
}

/** The decisions the user may take on one row; the server checks them again. */
function RowActions({ d, onPick }: { d: Disbursement; onPick: (decision: Decision) => void }) {
  const t = useT(disbursementsDict);
  const can = useCan();
  const { data: me } = useMe();
  const mine = me?.username === d.requestedBy;
  const approver = can('disbursements:approve');
  const buttons: { key: Decision; danger?: boolean }[] = [];
  if (d.status === 'pending' && approver && !mine)
    buttons.push({ key: 'approve' }, { key: 'reject', danger: true });
  if ((d.status === 'pending' && (mine || approver)) || (d.status === 'approved' && approver))
    buttons.push({ key: 'cancel', danger: true });
  return (
    <Space size={0}>
      {d.status === 'pending' && mine && approver && (
        <Tooltip title={t('ownRequest')}>
          <Button size="small" type="link" disabled>
            {t('approve')}
          </Button>
        </Tooltip>
      )}
      {buttons.map((b) => (
        <Button
          key={b.key}
          id={`disbursement-${b.key}-${d.id}`}
          size="small"
          type="link"
          danger={b.danger}
          onClick={() => onPick(b.key)}
        >
          {t(b.key)}
        </Button>
      ))}
    </Space>
  );
}

/** 拨付管理: requests, approvals and what each fund has left. */
export default function DisbursementsPage() {
  const t = useT(disbursementsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<{ d: Disbursement; decision: Decision } | null>(null);
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);

  const columns: ProColumns<Disbursement>[] = [
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('status'),
      dataIndex: 'filterStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        DISBURSEMENT_STATUSES.map((s) => [s, { text: label(DISBURSEMENT_STATUS_LABELS[s]) }]),
      ),
      fieldProps: { id: 'filterStatus' },
    },
    {
      title: t('source'),
      dataIndex: 'filterSource',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(FUND_SOURCES.map((s) => [s, { text: label(FUND_SOURCE_LABELS[s]) }])),
      fieldProps: { id: 'filterSource' },
    },
    {
      title: t('appeal'),
      dataIndex: 'filterAppealId',
      hideInTable: true,
      renderFormItem: () => (
        <AppealSelect id="filterAppealId" placeholder={tc('select', { field: t('appeal') })} />
      ),
    },
    {
      title: t('requestedOn'),
      dataIndex: 'filterRequestedOn',
      hideInTable: true,
      renderFormItem: () => <DatePicker.RangePicker id="filterRequestedOn" style={{ width: '100%' }} />,
    },
    {
      title: t('status'),
      dataIndex: 'status',
      search: false,
      render: (_, d) => (
        <Tag color={STATUS_COLORS[d.status]}>{label(DISBURSEMENT_STATUS_LABELS[d.status])}</Tag>
      ),
    },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      search: false,
      align: 'right',
      render: (_, d) => <Typography.Text strong>{formatFen(d.amountFen, { symbol: true })}</Typography.Text>,
    },
    {
      title: t('purpose'),
      dataIndex: 'purpose',
      search: false,
      render: (_, d) => <span style={{ display: 'inline-block', maxWidth: 260 }}>{d.purpose}</span>,
    },
    {
      title: t('recipient'),
      key: 'recipient',
      search: false,
      render: (_, d) => d.recipientOrgName ?? d.recipientName ?? '-',
    },
    {
      title: t('source'),
      key: 'source',
      search: false,
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <span>{label(FUND_SOURCE_LABELS[d.source])}</span>
          {(d.appealName ?? d.giftReceiptNo) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.appealName ?? d.giftReceiptNo}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('aidBatchRef'),
      dataIndex: 'aidBatchRef',
      search: false,
      render: (_, d) => d.aidBatchRef ?? '-',
    },
    {
      title: t('requestedBy'),
      key: 'requested',
      search: false,
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <span>{d.requestedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatTime(d.requestedAt, 'YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('decidedBy'),
      key: 'decided',
      search: false,
      render: (_, d) =>
        d.decidedBy ? (
          <Space direction="vertical" size={0}>
            <span>
              {d.decidedBy}
              {d.paidOn && d.status === 'approved' ? ` · ${d.paidOn}` : ''}
            </span>
            {d.decisionNote && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.decisionNote}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '-'
        ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, d) => <RowActions d={d} onPick={(decision) => setDeciding({ d, decision })} />,
    },
  ];

  const list = (
    <QueryTable<Disbursement, Filters>
      queryKey={DISBURSEMENTS_KEY}
      fetch={(p) => disbursementsApi.list(p)}
      toParams={toParams}
      rowKey="id"
      columns={columns}
      toolBarRender={(filters) => [
        <Totals key="totals" filters={filters} />,
        <Button
          key="export"
          id="disbursements-export"
          icon={<DownloadOutlined />}
          href={disbursementsApi.exportUrl(filters)}
          download
          title={t('exportExcel')}
          aria-label={t('exportExcel')}
        >
          {narrow ? null : t('exportExcel')}
        </Button>,
        ...(can('disbursements:request')
          ? [
              <Button
                key="create"
                id="disbursement-create"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRequesting(true)}
              >
                {narrow ? null : t('createRequest')}
              </Button>,
            ]
          : []),
      ]}
    />
  );

  return (
    <Page title={t('title')}>
      <Tabs
        defaultActiveKey="list"
        items={[
          { key: 'list', label: t('tabList'), children: list },
          {
            key: 'balances',
            label: t('tabBalances'),
            children: <FundBalancesTable defaultOrgId={me?.orgId} />,
          },
        ]}
      />
      <RequestForm open={requesting} onClose={() => setRequesting(false)} defaultOrgId={me?.orgId} />
      {deciding && (
        <DecisionForm
          disbursement={deciding.d}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Page>
  );
}
