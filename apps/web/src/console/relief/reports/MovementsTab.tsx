import { Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  formatFen,
  STOCK_MOVEMENT_KIND_LABELS,
  STOCK_MOVEMENT_KINDS,
  type StockMovementLine,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { dayOf, formatTime } from '../../../lib/time.ts';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { WarehousePicker } from '../stock/pickers.tsx';
import { RELIEF_REPORTS_KEY, reliefReportsApi, type MovementQuery } from './api.ts';
import { reliefReportsDict } from './dict.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const toParams = (v: SearchValues): MovementQuery => {
  const [from, to] = Array.isArray(v.period) ? v.period.map(dayOf) : [];
  return {
    orgId: num(v.filterOrgId),
    warehouseId: num(v.filterWarehouseId),
    kind: (STOCK_MOVEMENT_KINDS as readonly unknown[]).includes(v.kind) ? (v.kind as string) : undefined,
    ref: typeof v.ref === 'string' && v.ref.trim() ? v.ref.trim() : undefined,
    from,
    to,
  };
};

/** 出入库明细: every stock-card line of the subtree, newest first, by kind, document, warehouse and period. */
export function MovementsTab() {
  const t = useT(reliefReportsDict);
  const label = useLabel();
  const columns: ProColumns<StockMovementLine>[] = [
    { title: t('period'), dataIndex: 'period', hideInTable: true, valueType: 'dateRange' },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="movementsOrgId" allowClear style={{ minWidth: 0 }} />,
    },
    {
      title: t('warehouse'),
      dataIndex: 'filterWarehouseId',
      hideInTable: true,
      renderFormItem: () => <WarehousePicker id="movementsWarehouseId" allowClear />,
    },
    { title: t('at'), dataIndex: 'at', search: false, render: (_, m) => formatTime(m.at) },
    { title: t('orgName'), dataIndex: 'orgName', search: false },
    { title: t('warehouse'), dataIndex: 'warehouseName', search: false },
    {
      title: t('batch'),
      dataIndex: 'batchCode',
      search: false,
      render: (_, m) => <Typography.Text style={{ fontFamily: 'monospace' }}>{m.batchCode}</Typography.Text>,
    },
    { title: t('item'), dataIndex: 'itemName', search: false },
    {
      title: t('kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        STOCK_MOVEMENT_KINDS.map((k) => [k, { text: label(STOCK_MOVEMENT_KIND_LABELS[k]) }]),
      ),
      render: (_, m) => label(STOCK_MOVEMENT_KIND_LABELS[m.kind]),
    },
    {
      title: t('quantity'),
      key: 'quantity',
      align: 'right',
      search: false,
      render: (_, m) => (
        <Typography.Text type={m.quantity < 0 ? 'danger' : 'success'}>
          {m.quantity > 0 ? '+' : ''}
          {m.quantity.toLocaleString('en-US')} {m.unit}
        </Typography.Text>
      ),
    },
    {
      title: t('value'),
      key: 'value',
      align: 'right',
      search: false,
      render: (_, m) => formatFen(m.valueFen),
    },
    { title: t('ref'), dataIndex: 'ref', fieldProps: { placeholder: t('refHint') } },
    { title: t('actor'), dataIndex: 'actor', search: false },
    { title: t('note'), dataIndex: 'note', search: false, ellipsis: true, render: (_, m) => m.note ?? '' },
  ];
  return (
    <QueryTable<StockMovementLine, MovementQuery>
      queryKey={[...RELIEF_REPORTS_KEY, 'movements']}
      fetch={(p) => reliefReportsApi.movements(p)}
      toParams={toParams}
      columns={columns}
      rowKey="id"
      headerTitle={t('tabMovements')}
      toolBarRender={(p) => [
        <Button key="x" icon={<DownloadOutlined />} href={reliefReportsApi.movementsXlsx(p)} download>
          {t('export')}
        </Button>,
      ]}
    />
  );
}
