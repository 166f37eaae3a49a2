import { useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import {
  BATCH_SOURCE_LABELS,
  BATCH_SOURCES,
  batchSourceSchema,
  formatFen,
  type ReliefBatch,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { TIME_ZONE } from '../../../lib/time.ts';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { BATCHES_KEY, reliefStockApi, type BatchFilters } from './api.ts';
import { BatchDrawer } from './BatchDrawer.tsx';
import { reliefStockDict } from './dict.ts';
import { LabelsButton } from './LabelsButton.tsx';
import { WarehousePicker } from './pickers.tsx';

const toParams = (v: SearchValues): BatchFilters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  warehouseId: typeof v.filterWarehouseId === 'number' ? v.filterWarehouseId : undefined,
  source: batchSourceSchema.safeParse(v.source).data,
  designated: v.designated === 'true' || v.designated === 'false' ? v.designated : undefined,
  // Shown by default: what is on the shelves. Choosing “all” (false) shows emptied batches too.
  inStock: v.inStock === 'false' ? undefined : 'true',
  expiringWithinDays: v.expiring === '30' ? 30 : v.expiring === '90' ? 90 : undefined,
  q: typeof v.q === 'string' && v.q.trim() ? v.q.trim() : undefined,
});

/** 库存: batches by warehouse and item, earliest expiry first, with source, designation, free stock and value. */
export default function StockPage() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const [shown, setShown] = useState<number | null>(null);
  const today = dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

  const columns: ProColumns<ReliefBatch>[] = [
    {
      title: t('search'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('batchSearchHint') },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('warehouse'),
      dataIndex: 'filterWarehouseId',
      hideInTable: true,
      renderFormItem: () => <WarehousePicker id="filterWarehouseId" allowClear />,
    },
    {
      title: t('batchCode'),
      dataIndex: 'code',
      search: false,
      fixed: 'left',
      render: (_, b) => (
        <Typography.Link style={{ fontFamily: 'monospace' }} onClick={() => setShown(b.id)}>
          {b.code}
        </Typography.Link>
      ),
    },
    {
      title: t('item'),
      key: 'item',
      search: false,
      render: (_, b) => (
        <Space direction="vertical" size={0}>
          <span>{b.itemName}</span>
          {b.spec && <Typography.Text type="secondary">{b.spec}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('warehouse'),
      key: 'warehouse',
      search: false,
      render: (_, b) => `${b.warehouseName}${b.locationCode ? ` · ${b.locationCode}` : ''}`,
    },
    { title: t('lot'), dataIndex: 'lotNo', search: false },
    {
      title: t('expiresOn'),
      dataIndex: 'expiresOn',
      search: false,
      render: (_, b) =>
        !b.expiresOn ? (
          '—'
        ) : b.expiresOn < today ? (
          <Tag color="red">{b.expiresOn}</Tag>
        ) : b.expiresOn <= dayjs(today).add(30, 'day').format('YYYY-MM-DD') ? (
          <Tag color="orange">{b.expiresOn}</Tag>
        ) : (
          b.expiresOn
        ),
    },
    {
      title: t('expiring'),
      dataIndex: 'expiring',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { '30': { text: t('expiring30') }, '90': { text: t('expiring90') } },
    },
    {
      title: t('source'),
      dataIndex: 'source',
      valueType: 'select',
      valueEnum: Object.fromEntries(BATCH_SOURCES.map((s) => [s, { text: label(BATCH_SOURCE_LABELS[s]) }])),
      render: (_, b) => (
        <Space direction="vertical" size={0}>
          <span>{label(BATCH_SOURCE_LABELS[b.source])}</span>
          <Typography.Text type="secondary">{b.donorName ?? b.supplier ?? ''}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('designation'),
      dataIndex: 'designated',
      valueType: 'select',
      valueEnum: { true: { text: t('designated') }, false: { text: t('undesignated') } },
      render: (_, b) => {
        const d = [b.designatedEventName, b.designatedOrgName, b.designation].filter(Boolean);
        return d.length
          ? d.map((x) => (
              <Tag key={x} color="red">
                {x}
              </Tag>
            ))
          : '—';
      },
    },
    {
      title: t('inStockOnly'),
      dataIndex: 'inStock',
      hideInTable: true,
      valueType: 'select',
      initialValue: 'true',
      valueEnum: { true: { text: tc('yes') }, false: { text: tc('no') } },
    },
    { title: t('onHand'), dataIndex: 'onHand', search: false, align: 'right' },
    { title: t('reserved'), dataIndex: 'reserved', search: false, align: 'right' },
    {
      title: t('free'),
      dataIndex: 'free',
      search: false,
      align: 'right',
      render: (_, b) => <b>{b.free}</b>,
    },
    { title: t('unit'), dataIndex: 'unit', search: false },
    {
      title: t('value'),
      dataIndex: 'valueFen',
      search: false,
      align: 'right',
      render: (_, b) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatFen(b.valueFen, { symbol: true })}</span>
      ),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      fixed: 'right',
      render: (_, b) => [
        <a key="card" data-action="stock-card" onClick={() => setShown(b.id)}>
          {t('stockCard')}
        </a>,
        <LabelsButton
          key="labels"
          size="small"
          type="link"
          url={(c) => reliefStockApi.batchLabelsUrl([b.id], c)}
        />,
      ],
    },
  ];

  return (
    <Page title={t('stockTitle')}>
      <QueryTable<ReliefBatch, BatchFilters>
        queryKey={BATCHES_KEY}
        fetch={(p) => reliefStockApi.batches(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={reliefStockApi.batchesExportUrl(p)} download>
            {t('export')}
          </Button>,
        ]}
      />
      <BatchDrawer id={shown} onClose={() => setShown(null)} />
    </Page>
  );
}
