import { useState } from 'react';
import { Button, Drawer, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { formatFen, type DonorGoodsRow, type GiftGoodsRow } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { dayOf } from '../../../lib/time.ts';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { RELIEF_REPORTS_KEY, reliefReportsApi, type DonorQuery } from './api.ts';
import { reliefReportsDict } from './dict.ts';
import { GiftJourneySection } from './GiftJourneySection.tsx';

const toParams = (v: SearchValues): DonorQuery => {
  const [from, to] = Array.isArray(v.period) ? v.period.map(dayOf) : [];
  return {
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    q: typeof v.q === 'string' && v.q.trim() ? v.q.trim() : undefined,
    from,
    to,
  };
};
const n = (v: number) => v.toLocaleString('en-US');
/** A donor row with the filters it was summed under, so its gifts are listed under the same ones. */
type Row = DonorGoodsRow & { query: DonorQuery };

/** The figures donor and gift rows share, as columns. */
function useFateColumns<T extends DonorGoodsRow | GiftGoodsRow>() {
  const t = useT(reliefReportsDict);
  const right = { align: 'right' as const, search: false as const };
  return [
    {
      title: t('giftValue'),
      key: 'value',
      ...right,
      render: (_: unknown, r: T) => formatFen(r.valueFen, { symbol: true }),
    },
    { title: t('giftQty'), key: 'quantity', ...right, render: (_: unknown, r: T) => n(r.quantity) },
    { title: t('accepted'), key: 'accepted', ...right, render: (_: unknown, r: T) => n(r.acceptedQty) },
    { title: t('rejected'), key: 'rejected', ...right, render: (_: unknown, r: T) => n(r.rejectedQty) },
    { title: t('shipped'), key: 'shipped', ...right, render: (_: unknown, r: T) => n(r.shippedQty) },
    { title: t('signed'), key: 'signed', ...right, render: (_: unknown, r: T) => n(r.signedQty) },
    { title: t('inStock'), key: 'inStock', ...right, render: (_: unknown, r: T) => n(r.inStockQty) },
    { title: t('writtenOff'), key: 'writtenOff', ...right, render: (_: unknown, r: T) => n(r.writtenOffQty) },
    {
      title: t('destinations'),
      key: 'destinations',
      search: false as const,
      render: (_: unknown, r: T) => r.destinations.join('；') || '-',
    },
  ];
}

/** One donor's gifts of goods, each opening its journey. */
function DonorGifts({
  donorId,
  filters,
  onShow,
}: {
  donorId: number;
  filters: DonorQuery;
  onShow: (id: number) => void;
}) {
  const t = useT(reliefReportsDict);
  const fate = useFateColumns<GiftGoodsRow>();
  const { data, isFetching } = useQuery({
    queryKey: [...RELIEF_REPORTS_KEY, 'gifts', donorId, filters],
    queryFn: () => reliefReportsApi.gifts({ ...filters, donorId, page: 1, pageSize: 200 }),
  });
  return (
    <Table<GiftGoodsRow>
      size="small"
      rowKey="giftId"
      loading={isFetching}
      dataSource={data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('receivedOn'), dataIndex: 'receivedOn' },
        { title: t('receiptNo'), dataIndex: 'receiptNo', render: (v: string | null) => v ?? '-' },
        { title: t('orgName'), dataIndex: 'orgName' },
        ...fate,
        {
          title: '',
          key: 'journey',
          render: (_, g) => (
            <Typography.Link onClick={() => onShow(g.giftId)} data-journey={g.giftId}>
              {t('showJourney')}
            </Typography.Link>
          ),
        },
      ]}
    />
  );
}

/** 捐赠物资去向: per donor what was received, accepted, sent where, signed for, still held, written off. */
export function DonorGoodsTab() {
  const t = useT(reliefReportsDict);
  const fate = useFateColumns<Row>();
  const [shown, setShown] = useState<number | null>(null);
  const columns: ProColumns<Row>[] = [
    { title: t('donorSearch'), dataIndex: 'q', hideInTable: true },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="donorGoodsOrgId" allowClear style={{ minWidth: 0 }} />,
    },
    { title: t('receivedOn'), dataIndex: 'period', hideInTable: true, valueType: 'dateRange' },
    { title: t('donor'), dataIndex: 'donorName', search: false, fixed: 'left' },
    { title: t('gifts'), dataIndex: 'gifts', align: 'right', search: false },
    ...fate,
  ];
  return (
    <>
      <QueryTable<Row, DonorQuery>
        queryKey={[...RELIEF_REPORTS_KEY, 'donors']}
        fetch={async ({ page, pageSize, ...query }) => {
          const res = await reliefReportsApi.donors({ ...query, page, pageSize });
          return { ...res, items: res.items.map((d) => ({ ...d, query })) };
        }}
        toParams={toParams}
        columns={columns}
        rowKey="donorId"
        headerTitle={t('tabDonors')}
        expandable={{
          expandedRowRender: (d) => <DonorGifts donorId={d.donorId} filters={d.query} onShow={setShown} />,
        }}
        toolBarRender={(p) => [
          <Button key="d" icon={<DownloadOutlined />} href={reliefReportsApi.donorsXlsx(p)} download>
            {t('export')}
          </Button>,
          <Button key="g" icon={<DownloadOutlined />} href={reliefReportsApi.giftsXlsx(p)} download>
            {t('exportGifts')}
          </Button>,
        ]}
      />
      <Drawer
        open={shown !== null}
        onClose={() => setShown(null)}
        title={t('journeyTitle')}
        width={Math.min(760, window.innerWidth)}
        destroyOnHidden
      >
        {shown !== null && <GiftJourneySection giftId={shown} />}
      </Drawer>
    </>
  );
}
