import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import {
  formatFen,
  RELIEF_ITEM_CATEGORIES,
  RELIEF_ITEM_CATEGORY_LABELS,
  reliefItemCategorySchema,
  STOCK_MOVEMENT_KIND_LABELS,
  STOCK_MOVEMENT_KINDS,
  type MovementSummaryRow,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { dayOf, TIME_ZONE } from '../../../lib/time.ts';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { WarehousePicker } from '../stock/pickers.tsx';
import { RELIEF_REPORTS_KEY, reliefReportsApi, type PeriodQuery } from './api.ts';
import { reliefReportsDict } from './dict.ts';

type Row = MovementSummaryRow & { key: string };
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** Until a period is chosen: this month so far (Shanghai days). */
const thisMonth = () => {
  const today = dayjs().tz(TIME_ZONE);
  return { from: today.startOf('month').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
};
const toParams = (v: SearchValues): PeriodQuery => {
  const [from, to] = Array.isArray(v.period) ? v.period.map(dayOf) : [];
  return {
    ...(from && to ? { from, to } : thisMonth()),
    orgId: num(v.filterOrgId),
    warehouseId: num(v.filterWarehouseId),
    category: reliefItemCategorySchema.safeParse(v.category).data,
  };
};
const n = (v: number | undefined) => (v ? v.toLocaleString('en-US') : '');

/** 出入库汇总: opening, each kind of movement in and out, closing — per warehouse and item over a period. */
export function SummaryTab() {
  const t = useT(reliefReportsDict);
  const label = useLabel();
  const columns: ProColumns<Row>[] = [
    {
      title: t('period'),
      dataIndex: 'period',
      hideInTable: true,
      valueType: 'dateRange',
      tooltip: t('periodRequired'),
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="summaryOrgId" allowClear style={{ minWidth: 0 }} />,
    },
    {
      title: t('warehouse'),
      dataIndex: 'filterWarehouseId',
      hideInTable: true,
      renderFormItem: () => <WarehousePicker id="summaryWarehouseId" allowClear />,
    },
    {
      title: t('category'),
      dataIndex: 'category',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RELIEF_ITEM_CATEGORIES.map((c) => [c, { text: label(RELIEF_ITEM_CATEGORY_LABELS[c]) }]),
      ),
    },
    { title: t('orgName'), dataIndex: 'orgName', search: false, fixed: 'left' },
    { title: t('warehouse'), dataIndex: 'warehouseName', search: false },
    { title: t('item'), key: 'item', search: false, render: (_, r) => `${r.itemName}（${r.unit}）` },
    {
      title: t('opening'),
      dataIndex: 'opening',
      align: 'right',
      search: false,
      render: (_, r) => r.opening.toLocaleString('en-US'),
    },
    ...STOCK_MOVEMENT_KINDS.map((k): ProColumns<Row> => ({
      title: label(STOCK_MOVEMENT_KIND_LABELS[k]),
      key: k,
      align: 'right',
      search: false,
      render: (_, r) => n(r.byKind[k]),
    })),
    {
      title: t('totalIn'),
      dataIndex: 'totalIn',
      align: 'right',
      search: false,
      render: (_, r) => n(r.totalIn),
    },
    {
      title: t('totalOut'),
      dataIndex: 'totalOut',
      align: 'right',
      search: false,
      render: (_, r) => n(r.totalOut),
    },
    {
      title: t('closing'),
      dataIndex: 'closing',
      align: 'right',
      search: false,
      render: (_, r) => r.closing.toLocaleString('en-US'),
    },
    {
      title: t('closingValue'),
      dataIndex: 'closingValueFen',
      align: 'right',
      search: false,
      render: (_, r) => formatFen(r.closingValueFen, { symbol: true }),
    },
  ];
  return (
    <QueryTable<Row, PeriodQuery>
      queryKey={[...RELIEF_REPORTS_KEY, 'summary']}
      fetch={async (p) => {
        const page = await reliefReportsApi.summary(p);
        return { ...page, items: page.items.map((r) => ({ ...r, key: `${r.warehouseId}-${r.itemId}` })) };
      }}
      toParams={toParams}
      columns={columns}
      rowKey="key"
      headerTitle={t('tabSummary')}
      toolBarRender={(p) => [
        <Button key="x" icon={<DownloadOutlined />} href={reliefReportsApi.summaryXlsx(p)} download>
          {t('export')}
        </Button>,
      ]}
    />
  );
}
