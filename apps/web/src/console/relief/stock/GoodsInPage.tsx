import { useState } from 'react';
import { Button, DatePicker, Typography } from 'antd';
import { DownloadOutlined, GiftOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useSearchParams } from 'react-router';
import { formatFen, goodsInSourceSchema, type GoodsInNote } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { dayOf } from '../../../lib/time.ts';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { useCan } from '../../auth/index.ts';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { GOODS_IN_KEY, reliefStockApi, type GoodsInFilters } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { GiftGoodsInForm } from './GiftGoodsInForm.tsx';
import { GoodsInDrawer } from './GoodsInDrawer.tsx';
import { WarehousePicker } from './pickers.tsx';
import { PurchaseGoodsInForm } from './PurchaseGoodsInForm.tsx';

const toParams = (v: SearchValues): GoodsInFilters => {
  const range = Array.isArray(v.filterReceivedOn) ? (v.filterReceivedOn as unknown[]) : [];
  return {
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    warehouseId: typeof v.filterWarehouseId === 'number' ? v.filterWarehouseId : undefined,
    source: goodsInSourceSchema.safeParse(v.source).data,
    from: dayOf(range[0]),
    to: dayOf(range[1]),
  };
};

/**
 * 入库: the goods-in notes, and taking goods in — a gift of goods inspected line by line (opened with
 * the gift chosen when the goods page links here with ?giftId=), or a purchase; labels after each.
 */
export default function GoodsInPage() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const can = useCan();
  const manage = can('relief:manage');
  const [params, setParams] = useSearchParams();
  const linkedGift = Number(params.get('giftId')) || undefined;
  const [giftForm, setGiftForm] = useState(linkedGift !== undefined);
  const [purchaseForm, setPurchaseForm] = useState(false);
  const [shown, setShown] = useState<{ id: number; justReceived: boolean } | null>(null);
  const received = (note: { id: number }) => setShown({ id: note.id, justReceived: true });
  const closeGiftForm = () => {
    setGiftForm(false);
    if (linkedGift) setParams({}, { replace: true });
  };

  const columns: ProColumns<GoodsInNote>[] = [
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
      title: t('receivedOn'),
      dataIndex: 'filterReceivedOn',
      hideInTable: true,
      renderFormItem: () => <DatePicker.RangePicker id="filterReceivedOn" style={{ width: '100%' }} />,
    },
    {
      title: t('noteNo'),
      dataIndex: 'id',
      search: false,
      render: (_, n) => (
        <Typography.Link
          data-action="goods-in-detail"
          onClick={() => setShown({ id: n.id, justReceived: false })}
        >
          {n.id}
        </Typography.Link>
      ),
    },
    { title: t('receivedOn'), dataIndex: 'receivedOn', search: false },
    {
      title: t('source'),
      dataIndex: 'source',
      valueType: 'select',
      valueEnum: { gift: { text: t('gift') }, purchase: { text: t('newPurchaseIn') } },
      render: (_, n) => (n.source === 'gift' ? t('gift') : t('newPurchaseIn')),
    },
    {
      title: `${t('donor')} / ${t('supplier')}`,
      key: 'from',
      search: false,
      render: (_, n) => n.donorName ?? n.supplier,
    },
    {
      title: `${t('receipt')} / ${t('purchaseRef')}`,
      key: 'ref',
      search: false,
      render: (_, n) => n.giftReceiptNo ?? n.purchaseRef ?? '—',
    },
    { title: t('warehouse'), dataIndex: 'warehouseName', search: false },
    { title: t('accepted'), dataIndex: 'acceptedQty', search: false, align: 'right' },
    { title: t('rejected'), dataIndex: 'rejectedQty', search: false, align: 'right' },
    {
      title: t('value'),
      dataIndex: 'valueFen',
      search: false,
      align: 'right',
      render: (_, n) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatFen(n.valueFen, { symbol: true })}</span>
      ),
    },
    { title: t('inspector'), dataIndex: 'inspector', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      fixed: 'right',
      render: (_, n) => [
        <a key="show" onClick={() => setShown({ id: n.id, justReceived: false })}>
          {t('detail')}
        </a>,
        <a key="labels" href={reliefStockApi.goodsInLabelsUrl(n.id, 1)} target="_blank" rel="noreferrer">
          {t('labels')}
        </a>,
      ],
    },
  ];

  return (
    <Page title={t('goodsInTitle')}>
      <QueryTable<GoodsInNote, GoodsInFilters>
        queryKey={GOODS_IN_KEY}
        fetch={(p) => reliefStockApi.goodsIn(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={reliefStockApi.goodsInExportUrl(p)} download>
            {t('export')}
          </Button>,
          ...(manage
            ? [
                <Button
                  key="purchase"
                  id="goods-in-purchase"
                  icon={<ShoppingCartOutlined />}
                  onClick={() => setPurchaseForm(true)}
                >
                  {t('newPurchaseIn')}
                </Button>,
                <Button
                  key="gift"
                  id="goods-in-gift"
                  type="primary"
                  icon={<GiftOutlined />}
                  onClick={() => setGiftForm(true)}
                >
                  {t('newGiftIn')}
                </Button>,
              ]
            : []),
        ]}
      />
      <GiftGoodsInForm open={giftForm} giftId={linkedGift} onClose={closeGiftForm} onReceived={received} />
      <PurchaseGoodsInForm open={purchaseForm} onClose={() => setPurchaseForm(false)} onReceived={received} />
      <GoodsInDrawer
        id={shown?.id ?? null}
        justReceived={shown?.justReceived}
        onClose={() => setShown(null)}
      />
    </Page>
  );
}
