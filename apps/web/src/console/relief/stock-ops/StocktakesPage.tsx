import { useState } from 'react';
import { Alert, Button, Form, Grid, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  formatFen,
  STOCKTAKE_STATUS_LABELS,
  STOCKTAKE_STATUSES,
  stocktakeStatusSchema,
  type Stocktake,
  type StocktakeDetail,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCan } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { STOCKTAKES_KEY, stockOpsApi, type StocktakeFilters } from './api.ts';
import { STOCKTAKE_COLORS } from './colors.ts';
import { stockOpsDict } from './dict.ts';
import { StocktakeDrawer } from './StocktakeDrawer.tsx';
import { WarehouseSelect } from './WarehouseSelect.tsx';

const toParams = (v: SearchValues): StocktakeFilters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  warehouseId: typeof v.filterWarehouseId === 'number' ? v.filterWarehouseId : undefined,
  status: stocktakeStatusSchema.safeParse(v.filterStatus).data,
});

/** 盘点: counts by warehouse — start, count (typed, scanned, pasted or from the sheet), submit, approve. */
export default function StocktakesPage() {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [openId, setOpenId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);

  const columns: ProColumns<Stocktake>[] = [
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
      title: t('status'),
      dataIndex: 'filterStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        STOCKTAKE_STATUSES.map((s) => [s, { text: label(STOCKTAKE_STATUS_LABELS[s]) }]),
      ),
      fieldProps: { id: 'filterStatus' },
    },
    { title: '#', dataIndex: 'id', search: false, width: 60 },
    {
      title: t('warehouse'),
      key: 'warehouse',
      search: false,
      render: (_, s) => (
        <span>
          {s.warehouseName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {s.orgName}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      search: false,
      render: (_, s) => (
        <Tag color={STOCKTAKE_COLORS[s.status]}>{label(STOCKTAKE_STATUS_LABELS[s.status])}</Tag>
      ),
    },
    {
      title: t('progress'),
      key: 'progress',
      search: false,
      render: (_, s) => t('progressN', { counted: s.countedCount, lines: s.lineCount }),
    },
    {
      title: t('variances'),
      key: 'variances',
      search: false,
      render: (_, s) =>
        s.varianceCount ? (
          <span>
            {t('variancesN', { n: s.varianceCount, gain: s.gainQty, loss: s.lossQty })}
            <Typography.Text
              type={s.varianceValueFen < 0 ? 'danger' : 'success'}
              style={{ display: 'block' }}
            >
              {formatFen(s.varianceValueFen, { symbol: true })}
            </Typography.Text>
          </span>
        ) : (
          '-'
        ),
    },
    {
      title: t('startedBy'),
      key: 'started',
      search: false,
      render: (_, s) => `${s.startedBy} · ${formatTime(s.startedAt, 'YYYY-MM-DD HH:mm')}`,
    },
    { title: t('decidedBy'), dataIndex: 'decidedBy', search: false, render: (_, s) => s.decidedBy ?? '-' },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, s) => (
        <Button id={`stocktake-open-${s.id}`} type="link" size="small" onClick={() => setOpenId(s.id)}>
          {t('open')}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('stocktakesTitle')}>
      <QueryTable<Stocktake, StocktakeFilters>
        queryKey={STOCKTAKES_KEY}
        fetch={(p) => stockOpsApi.stocktakes(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={(filters) => [
          <Button
            key="export"
            icon={<DownloadOutlined />}
            href={stockOpsApi.stocktakesExportUrl(filters)}
            download
            aria-label={t('exportExcel')}
          >
            {narrow ? null : t('exportExcel')}
          </Button>,
          ...(can('relief:manage')
            ? [
                <Button
                  key="start"
                  id="stocktake-start"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setStarting(true)}
                >
                  {narrow ? null : t('startCount')}
                </Button>,
              ]
            : []),
        ]}
      />
      <MutationForm<{ warehouseId: number }>
        title={t('startCount')}
        open={starting}
        onClose={() => setStarting(false)}
        submit={(v) => stockOpsApi.startStocktake(v.warehouseId)}
        invalidate={[STOCKTAKES_KEY]}
        successText={t('started')}
        submitId="stocktake-start-submit"
        onSuccess={(r) => setOpenId((r as StocktakeDetail).id)}
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('startHint')} />
        <Form.Item
          name="warehouseId"
          label={t('warehouse')}
          rules={[{ required: true, message: tc('select', { field: t('warehouse') }) }]}
        >
          <WarehouseSelect id="stocktake-warehouse" />
        </Form.Item>
      </MutationForm>
      {openId !== null && <StocktakeDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Page>
  );
}
