import { useState } from 'react';
import { dayOf } from '../../lib/time.ts';
import { Button, DatePicker, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  formatFen,
  GIFT_STOCK_STATUS_LABELS,
  GIFT_STOCK_STATUSES,
  giftStockStatusSchema,
  type Gift,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { GIFTS_KEY } from './api.ts';
import { donationsDict } from './dict.ts';
import { goodsApi, type GoodsQuery } from './goodsApi.ts';
import { goodsDict } from './goodsDict.ts';
import { CreateGoodsGiftForm } from './GoodsGiftForm.tsx';
import { GoodsGiftDrawer } from './GoodsGiftDrawer.tsx';
import { StockStatusTag } from './GoodsStockStatusTag.tsx';
import { AppealSelect } from './pickers.tsx';

type Filters = Omit<GoodsQuery, 'page' | 'pageSize'>;

// Search fields are named apart from the entry form's (`orgId` …), so element ids never clash.
const toParams = (v: SearchValues): Filters => {
  const range = Array.isArray(v.filterReceivedOn) ? (v.filterReceivedOn as unknown[]) : [];
  const receiptNo = typeof v.receiptNo === 'string' ? v.receiptNo.trim() : '';
  return {
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    appealId: typeof v.filterAppealId === 'number' ? v.filterAppealId : undefined,
    stockStatus: giftStockStatusSchema.safeParse(v.filterStockStatus).data,
    from: dayOf(range[0]),
    to: dayOf(range[1]),
    receiptNo: receiptNo || undefined,
  };
};

/** “估值合计 ¥X（N 笔）” of every gift of goods the filters match, across all pages. */
function GoodsTotal({ filters }: { filters: Filters }) {
  const t = useT(donationsDict);
  const { data } = useQuery({
    queryKey: [...GIFTS_KEY, 'goods-total', filters],
    queryFn: () => goodsApi.list({ ...filters, page: 1, pageSize: 1 }),
  });
  if (!data) return null;
  return (
    <Typography.Text id="goods-list-total" strong style={{ whiteSpace: 'nowrap' }}>
      {t('giftTotal', { amount: formatFen(data.totalFen, { symbol: true }), count: data.total })}
    </Typography.Text>
  );
}

/** 物资捐赠: goods received by the societies the user may see, with their valuation and stock status. */
export default function GoodsPage() {
  const t = useT(goodsDict);
  const td = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: number; justRecorded: boolean } | null>(null);

  const columns: ProColumns<Gift>[] = [
    {
      title: td('receiptNo'),
      dataIndex: 'receiptNo',
      fieldProps: { id: 'goods-receipt-no', maxLength: 30, autoComplete: 'off' },
      render: (_, g) => (
        <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {g.receiptNo}
        </Typography.Text>
      ),
    },
    {
      title: t('stockStatus'),
      dataIndex: 'filterStockStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        GIFT_STOCK_STATUSES.map((s) => [s, { text: label(GIFT_STOCK_STATUS_LABELS[s]) }]),
      ),
      fieldProps: { id: 'filterStockStatus' },
    },
    {
      title: td('receivingOrg'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: td('appeal'),
      dataIndex: 'filterAppealId',
      hideInTable: true,
      renderFormItem: () => (
        <AppealSelect id="filterAppealId" placeholder={tc('select', { field: td('appeal') })} />
      ),
    },
    {
      title: t('receivedOn'),
      dataIndex: 'filterReceivedOn',
      hideInTable: true,
      renderFormItem: () => <DatePicker.RangePicker id="filterReceivedOn" style={{ width: '100%' }} />,
    },
    {
      title: t('receivedOn'),
      dataIndex: 'receivedOn',
      search: false,
      render: (_, g) => <span style={{ whiteSpace: 'nowrap' }}>{g.receivedOn}</span>,
    },
    { title: td('donor'), dataIndex: 'donorName', search: false },
    {
      title: t('valuation'),
      dataIndex: 'amountFen',
      search: false,
      align: 'right',
      render: (_, g) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatFen(g.amountFen, { symbol: true })}
        </span>
      ),
    },
    {
      title: t('stockStatus'),
      dataIndex: 'stockStatus',
      search: false,
      render: (_, g) => <StockStatusTag status={g.stockStatus} />,
    },
    {
      title: td('designation'),
      key: 'designation',
      search: false,
      render: (_, g) =>
        g.appealName || g.purpose ? (
          <Space direction="vertical" size={0}>
            {g.appealName && <span>{g.appealName}</span>}
            {g.purpose && (
              <Typography.Text type={g.appealName ? 'secondary' : undefined}>{g.purpose}</Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{td('undesignated')}</Typography.Text>
        ),
    },
    { title: td('receivingOrg'), dataIndex: 'orgName', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, g) => (
        <Space size="middle">
          <Typography.Link
            data-action="goods-detail"
            onClick={() => setOpen({ id: g.id, justRecorded: false })}
          >
            {t('detail')}
          </Typography.Link>
          <a
            data-action="receipt-pdf"
            href={`/api/gifts/${g.id}/receipt.pdf`}
            target="_blank"
            rel="noreferrer"
          >
            {td('receiptPdf')}
          </a>
          {can('relief:manage') && (g.stockStatus === 'awaiting' || g.stockStatus === 'partly') && (
            <a data-action="goods-in" href={`/console/relief/goods-in?giftId=${g.id}`}>
              {label({ zh: '入库', en: 'Receive into stock' })}
            </a>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page title={t('title')}>
      <QueryTable<Gift, Filters>
        queryKey={[...GIFTS_KEY, 'goods']}
        fetch={(p) => goodsApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={(filters) => [
          <GoodsTotal key="total" filters={filters} />,
          ...(can('donations:manage')
            ? [
                <Button
                  key="create"
                  id="goods-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                >
                  {t('create')}
                </Button>,
              ]
            : []),
        ]}
      />
      <CreateGoodsGiftForm
        open={creating}
        onClose={() => setCreating(false)}
        defaultOrgId={me?.orgId}
        onRecorded={(gift) => setOpen({ id: gift.id, justRecorded: true })}
      />
      <GoodsGiftDrawer
        giftId={open?.id ?? null}
        justRecorded={open?.justRecorded}
        onClose={() => setOpen(null)}
      />
    </Page>
  );
}
