import { useState } from 'react';
import { Alert, Button, Card, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  formatFen,
  RELIEF_ITEM_CATEGORIES,
  RELIEF_ITEM_CATEGORY_LABELS,
  reliefItemCategorySchema,
  type ReliefItemCategory,
  type StockOnHandRow,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { dayOf } from '../../../lib/time.ts';
import { useMe } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { ItemPicker, WarehousePicker } from '../stock/pickers.tsx';
import { RELIEF_REPORTS_KEY, reliefReportsApi, type StockReportQuery } from './api.ts';
import { reliefReportsDict } from './dict.ts';
import { SocietyValueChart } from './SocietyValueChart.tsx';

type Values = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const toQuery = (v: Values): StockReportQuery => ({
  orgId: num(v.filterOrgId),
  warehouseId: num(v.filterWarehouseId),
  itemId: num(v.filterItemId),
  category: reliefItemCategorySchema.safeParse(v.category).data,
  asOf: dayOf(v.asOf),
});
const qty = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

/**
 * 库存报表: what every warehouse of a society's subtree holds, by item — now (with what is reserved
 * and free) or at the end of a past day — with its value per society as a chart, paged, exportable.
 * Its own ProTable and query (not QueryTable): the page needs the report's totals beside its rows.
 */
export function StockReportTab() {
  const t = useT(reliefReportsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<StockReportQuery>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: [...RELIEF_REPORTS_KEY, 'stock', filters, page],
    queryFn: () => reliefReportsApi.stock({ ...filters, page: page.current, pageSize: page.pageSize }),
    placeholderData: keepPreviousData,
  });
  const report = query.data;
  const pickerOrg = filters.orgId ?? me?.orgId;

  const columns: ProColumns<StockOnHandRow>[] = [
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear style={{ minWidth: 0 }} />,
    },
    {
      title: t('warehouse'),
      dataIndex: 'filterWarehouseId',
      hideInTable: true,
      renderFormItem: () => <WarehousePicker id="filterWarehouseId" orgId={filters.orgId} allowClear />,
    },
    {
      title: t('item'),
      dataIndex: 'filterItemId',
      hideInTable: true,
      renderFormItem: () => <ItemPicker id="filterItemId" orgId={pickerOrg} allowClear />,
    },
    {
      title: t('asOf'),
      dataIndex: 'asOf',
      hideInTable: true,
      valueType: 'date',
      tooltip: t('asOfHint'),
    },
    { title: t('orgName'), dataIndex: 'orgName', search: false },
    { title: t('warehouse'), dataIndex: 'warehouseName', search: false },
    { title: t('itemCode'), dataIndex: 'itemCode', search: false },
    {
      title: t('item'),
      key: 'itemName',
      search: false,
      render: (_, r) => (r.spec ? `${r.itemName}（${r.spec}）` : r.itemName),
    },
    {
      title: t('category'),
      dataIndex: 'category',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RELIEF_ITEM_CATEGORIES.map((c) => [c, { text: label(RELIEF_ITEM_CATEGORY_LABELS[c]) }]),
      ),
      render: (_, r) => label(RELIEF_ITEM_CATEGORY_LABELS[r.category as ReliefItemCategory]),
    },
    {
      title: t('quantity'),
      key: 'quantity',
      align: 'right',
      search: false,
      render: (_, r) => `${qty(r.quantity)} ${r.unit}`,
    },
    {
      title: t('reserved'),
      key: 'reserved',
      align: 'right',
      search: false,
      render: (_, r) => qty(r.reserved),
    },
    { title: t('free'), key: 'free', align: 'right', search: false, render: (_, r) => qty(r.free) },
    {
      title: t('value'),
      key: 'valueFen',
      align: 'right',
      search: false,
      render: (_, r) => formatFen(r.valueFen, { symbol: true }),
    },
    { title: t('batches'), dataIndex: 'batches', align: 'right', search: false },
    {
      title: t('nearestExpiry'),
      dataIndex: 'nearestExpiry',
      search: false,
      render: (_, r) => r.nearestExpiry ?? '-',
    },
  ];

  const apply = (values: Values) => {
    setFilters(toQuery(values));
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={query.error.message || tc('loadFailed')}
        />
      )}
      <ProTable<StockOnHandRow>
        rowKey={(r) => `${r.warehouseId}-${r.itemId}`}
        columns={columns}
        dataSource={report?.items ?? []}
        loading={query.isFetching}
        cardBordered
        search={{
          labelWidth: 'auto',
          defaultCollapsed: true,
          span: { xs: 24, sm: 24, md: 12, lg: 8, xl: 8, xxl: 6 },
        }}
        onSubmit={apply}
        onReset={() => apply({})}
        headerTitle={
          report ? (
            <Typography.Text type="secondary">
              {t('totals', {
                rows: report.total,
                batches: report.totalBatches,
                value: formatFen(report.totalValueFen, { symbol: true }),
              })}
            </Typography.Text>
          ) : null
        }
        toolBarRender={() => [
          <Button key="x" icon={<DownloadOutlined />} href={reliefReportsApi.stockXlsx(filters)} download>
            {t('export')}
          </Button>,
        ]}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: report?.total ?? 0,
          showSizeChanger: true,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        options={{ reload: () => void query.refetch(), density: false, setting: true }}
        scroll={{ x: 'max-content' }}
      />
      {report && report.bySociety.length > 1 && (
        <Card size="small" title={t('chartTitle')} style={{ marginTop: 16 }}>
          <SocietyValueChart societies={report.bySociety} />
        </Card>
      )}
    </>
  );
}
