import { useState } from 'react';
import { Alert, Button, Grid, InputNumber, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { formatFen, RELIEF_EXPIRY_DAYS_DEFAULT, type ExpiryBatch } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { useCan } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { EXPIRY_KEY, stockOpsApi, type ExpiryFilters } from './api.ts';
import { stockOpsDict } from './dict.ts';
import { WarehouseSelect } from './WarehouseSelect.tsx';
import { WriteOffForm, type WriteOffPreset } from './WriteOffForm.tsx';

const toParams = (v: SearchValues): ExpiryFilters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  warehouseId: typeof v.filterWarehouseId === 'number' ? v.filterWarehouseId : undefined,
  withinDays: typeof v.filterWithinDays === 'number' ? v.filterWithinDays : RELIEF_EXPIRY_DAYS_DEFAULT,
  state: v.filterState === 'expired' || v.filterState === 'expiring' ? v.filterState : undefined,
});

/** 效期预警: batches to use first, allocate or write off, soonest expiry first; expired ones go to 报废 from here. */
export default function ExpiryPage() {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const can = useCan();
  const [writingOff, setWritingOff] = useState<WriteOffPreset | null>(null);
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);

  const columns: ProColumns<ExpiryBatch>[] = [
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
      renderFormItem: () => <WarehouseSelect id="filterWarehouseId" allowClear />,
    },
    {
      title: t('withinDays'),
      dataIndex: 'filterWithinDays',
      hideInTable: true,
      renderFormItem: () => (
        <InputNumber
          id="filterWithinDays"
          min={0}
          max={3650}
          precision={0}
          placeholder={String(RELIEF_EXPIRY_DAYS_DEFAULT)}
        />
      ),
    },
    {
      title: t('state'),
      dataIndex: 'filterState',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { expired: { text: t('expired') }, expiring: { text: t('expiring') } },
    },
    {
      title: t('daysLeft'),
      key: 'daysLeft',
      search: false,
      render: (_, e) =>
        e.expired ? (
          <Tag color="red">{t('expiredN', { n: -e.daysLeft })}</Tag>
        ) : e.daysLeft === 0 ? (
          <Tag color="volcano">{t('expiresToday')}</Tag>
        ) : (
          <Tag color={e.daysLeft <= 30 ? 'orange' : 'gold'}>{t('daysLeftN', { n: e.daysLeft })}</Tag>
        ),
    },
    { title: t('expiresOn'), dataIndex: 'expiresOn', search: false },
    { title: t('batchCode'), dataIndex: 'batchCode', search: false },
    {
      title: t('item'),
      key: 'item',
      search: false,
      render: (_, e) => (
        <span>
          {e.itemName}
          {e.lotNo && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('lotNo')} {e.lotNo}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('warehouse'),
      key: 'warehouse',
      search: false,
      render: (_, e) => (
        <span>
          {e.warehouseName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {e.orgName}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('onHand'),
      key: 'onHand',
      search: false,
      align: 'right',
      render: (_, e) => `${e.onHand} ${e.unit}`,
    },
    { title: t('reserved'), dataIndex: 'reserved', search: false, align: 'right' },
    {
      title: t('pendingWriteOff'),
      dataIndex: 'pendingWriteOffQty',
      search: false,
      align: 'right',
      render: (_, e) => e.pendingWriteOffQty || '-',
    },
    {
      title: t('value'),
      key: 'value',
      search: false,
      align: 'right',
      render: (_, e) => formatFen(e.valueFen, { symbol: true }),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, e) =>
        can('relief:manage') && e.free > 0 ? (
          <Button
            id={`expiry-write-off-${e.batchId}`}
            type="link"
            size="small"
            danger={e.expired}
            onClick={() =>
              setWritingOff({
                batchId: e.batchId,
                batchCode: e.batchCode,
                itemName: e.itemName,
                free: e.free,
                expired: e.expired,
              })
            }
          >
            {t('writeOff')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Page title={t('expiryTitle')}>
      <Alert type="info" showIcon message={t('expiryHint')} style={{ marginBottom: 16 }} />
      <QueryTable<ExpiryBatch, ExpiryFilters>
        queryKey={EXPIRY_KEY}
        fetch={(p) => stockOpsApi.expiry(p)}
        toParams={toParams}
        rowKey="batchId"
        columns={columns}
        toolBarRender={(filters) => [
          <Button
            key="export"
            icon={<DownloadOutlined />}
            href={stockOpsApi.expiryExportUrl(filters)}
            download
            aria-label={t('exportExcel')}
          >
            {narrow ? null : t('exportExcel')}
          </Button>,
        ]}
      />
      <WriteOffForm
        open={writingOff !== null}
        onClose={() => setWritingOff(null)}
        preset={writingOff ?? undefined}
      />
    </Page>
  );
}
