import { useState } from 'react';
import { Button, Grid, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, MobileOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  ALLOCATION_STATUS_LABELS,
  ALLOCATION_STATUSES,
  allocationStatusSchema,
  formatFen,
  type Allocation,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCan } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { AllocationDrawer } from './AllocationDrawer.tsx';
import { ALLOCATIONS_KEY, allocationsApi, type AllocationFilters } from './api.ts';
import { allocationsDict } from './dict.ts';
import { RequestForm } from './RequestForm.tsx';
import { STATUS_COLORS } from './status.ts';

// Search fields are named apart from the request form's, so element ids never clash.
const toParams = (v: SearchValues): AllocationFilters => ({
  status: allocationStatusSchema.safeParse(v.filterStatus).data,
  direction: v.filterDirection === 'in' || v.filterDirection === 'out' ? v.filterDirection : undefined,
  eventId: typeof v.filterEventId === 'number' ? v.filterEventId : undefined,
});

function EventFilter(props: { id?: string; value?: number; onChange?: (v: number | undefined) => void }) {
  const { data } = useQuery({
    queryKey: [...ALLOCATIONS_KEY, 'events'],
    queryFn: () => allocationsApi.events(),
    staleTime: 60_000,
  });
  return (
    <Select<number>
      {...props}
      allowClear
      showSearch
      optionFilterProp="label"
      options={(data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
    />
  );
}

/** 调拨: requests, approvals by level, picking, shipping and signing; in and out of the user's societies. */
export default function AllocationsPage() {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [requesting, setRequesting] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);

  const columns: ProColumns<Allocation>[] = [
    {
      title: t('status'),
      dataIndex: 'filterStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        ALLOCATION_STATUSES.map((s) => [s, { text: label(ALLOCATION_STATUS_LABELS[s]) }]),
      ),
      fieldProps: { id: 'filterStatus' },
    },
    {
      title: t('direction'),
      dataIndex: 'filterDirection',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { out: { text: t('out') }, in: { text: t('in') } },
      fieldProps: { id: 'filterDirection' },
    },
    {
      title: t('event'),
      dataIndex: 'filterEventId',
      hideInTable: true,
      renderFormItem: () => <EventFilter id="filterEventId" />,
    },
    {
      title: t('id'),
      dataIndex: 'id',
      search: false,
      render: (_, a) => (
        <Button type="link" size="small" id={`allocation-open-${a.id}`} onClick={() => setOpen(a.id)}>
          {a.id}
        </Button>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      search: false,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[a.status]}>{label(ALLOCATION_STATUS_LABELS[a.status])}</Tag>
          {a.status === 'requested' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approvals', { given: a.approvalsGiven, needed: a.approvalsNeeded })}
            </Typography.Text>
          )}
          {a.status === 'approved' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('picked', { picked: a.pickedQty, total: a.totalQty })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('from'),
      key: 'from',
      search: false,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <span>{a.fromWarehouseName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.orgName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('to'), dataIndex: 'destinationLabel', search: false },
    { title: t('event'), key: 'event', search: false, render: (_, a) => a.eventName ?? '-' },
    {
      title: t('purpose'),
      dataIndex: 'purpose',
      search: false,
      render: (_, a) => <span style={{ display: 'inline-block', maxWidth: 240 }}>{a.purpose}</span>,
    },
    { title: t('quantity'), dataIndex: 'totalQty', search: false, align: 'right' },
    {
      title: t('value'),
      dataIndex: 'valueFen',
      search: false,
      align: 'right',
      render: (_, a) => formatFen(a.valueFen, { symbol: true }),
    },
    {
      title: t('requested'),
      key: 'requested',
      search: false,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <span>
            {a.requestedByOrgName} · {a.requestedBy}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatTime(a.requestedAt, 'YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, a) => (
        <Button size="small" type="link" onClick={() => setOpen(a.id)}>
          {t('detail')}
        </Button>
      ),
    },
  ];

  return (
    <Page
      title={t('title')}
      extra={[
        <Button key="scan" icon={<MobileOutlined />} href="/console/scan">
          {narrow ? null : t('scanPage')}
        </Button>,
      ]}
    >
      <QueryTable<Allocation, AllocationFilters>
        queryKey={ALLOCATIONS_KEY}
        fetch={(p) => allocationsApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={(filters) => [
          <Button
            key="export"
            id="allocations-export"
            icon={<DownloadOutlined />}
            href={allocationsApi.exportUrl(filters)}
            download
            title={t('exportExcel')}
            aria-label={t('exportExcel')}
          >
            {narrow ? null : t('exportExcel')}
          </Button>,
          ...(can('relief:manage')
            ? [
                <Button
                  key="create"
                  id="allocation-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setRequesting(true)}
                >
                  {narrow ? null : t('create')}
                </Button>,
              ]
            : []),
        ]}
      />
      <RequestForm open={requesting} onClose={() => setRequesting(false)} onCreated={(a) => setOpen(a.id)} />
      <AllocationDrawer id={open} onClose={() => setOpen(null)} />
    </Page>
  );
}
