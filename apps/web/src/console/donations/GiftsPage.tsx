import { useState } from 'react';
import { dayOf } from '../../lib/time.ts';
import { Button, DatePicker, Grid, Modal, Result, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { formatFen, GIFT_CHANNEL_LABELS, MONEY_CHANNELS, moneyChannelSchema, type Gift } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { GIFTS_KEY, giftsApi, type GiftQuery } from './api.ts';
import { donationsDict } from './dict.ts';
import { CreateGiftForm } from './GiftForm.tsx';
import { GiftActions } from './GiftActions.tsx';
import { GiftAmount, GiftDesignation, GiftReceiptNo, GiftStatusTag } from './giftCells.tsx';
import { AppealSelect } from './pickers.tsx';

type Filters = Omit<GiftQuery, 'page' | 'pageSize'>;

// The search form's fields are named apart from the create form's (`orgId`, `channel`…), so element ids never clash.
const toParams = (v: SearchValues): Filters => {
  const range = Array.isArray(v.filterReceivedOn) ? (v.filterReceivedOn as unknown[]) : [];
  const receiptNo = typeof v.receiptNo === 'string' ? v.receiptNo.trim() : '';
  return {
    form: 'money',
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    appealId: typeof v.filterAppealId === 'number' ? v.filterAppealId : undefined,
    channel: moneyChannelSchema.safeParse(v.filterChannel).data,
    from: dayOf(range[0]),
    to: dayOf(range[1]),
    receiptNo: receiptNo || undefined,
  };
};

/** “合计 ¥X（N 笔）” of every gift the current filters match, across all pages. */
function GiftTotal({ filters, narrow }: { filters: Filters; narrow: boolean }) {
  const t = useT(donationsDict);
  const { data } = useQuery({
    queryKey: [...GIFTS_KEY, 'total', filters],
    queryFn: () => giftsApi.list({ ...filters, page: 1, pageSize: 1 }),
  });
  if (!data) return null;
  const amount = formatFen(data.totalFen, { symbol: true });
  return narrow ? (
    <Typography.Text id="gift-total" strong style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span style={{ whiteSpace: 'nowrap' }}>{t('giftTotalAmount', { amount })}</span>
      <span style={{ whiteSpace: 'nowrap', fontWeight: 'normal' }}>
        {t('giftTotalCount', { count: data.total })}
      </span>
    </Typography.Text>
  ) : (
    <Typography.Text id="gift-total" strong style={{ whiteSpace: 'nowrap' }}>
      {t('giftTotal', { amount, count: data.total })}
    </Typography.Text>
  );
}

/** 捐款登记: the gifts received by the societies the user may see, each with its receipt number. */
export default function GiftsPage() {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const [recorded, setRecorded] = useState<Gift | null>(null);
  // On a phone the toolbar keeps to the screen: the total may wrap and 导出 shows as an icon.
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);

  const columns: ProColumns<Gift>[] = [
    {
      title: t('receiptNo'),
      dataIndex: 'receiptNo',
      fieldProps: { id: 'gift-receipt-no', maxLength: 30, autoComplete: 'off' },
      render: (_, g) => <GiftReceiptNo gift={g} />,
    },
    {
      title: t('giftStatus'),
      dataIndex: 'status',
      search: false,
      render: (_, g) => <GiftStatusTag gift={g} />,
    },
    {
      title: t('receivingOrg'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('appeal'),
      dataIndex: 'filterAppealId',
      hideInTable: true,
      renderFormItem: () => (
        <AppealSelect id="filterAppealId" placeholder={tc('select', { field: t('appeal') })} />
      ),
    },
    {
      title: t('channel'),
      dataIndex: 'filterChannel',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(MONEY_CHANNELS.map((c) => [c, { text: label(GIFT_CHANNEL_LABELS[c]) }])),
      fieldProps: { id: 'filterChannel' },
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
    {
      title: t('donor'),
      dataIndex: 'donorName',
      search: false,
      render: (_, g) => (
        <Space direction="vertical" size={0}>
          <span>{g.donorName}</span>
          {g.donorPublicName !== g.donorName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('publicName')}：{g.donorPublicName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('channel'),
      dataIndex: 'channel',
      search: false,
      render: (_, g) => label(GIFT_CHANNEL_LABELS[g.channel]),
    },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      search: false,
      align: 'right',
      render: (_, g) => <GiftAmount gift={g} />,
    },
    {
      title: t('designation'),
      key: 'designation',
      search: false,
      render: (_, g) => <GiftDesignation gift={g} />,
    },
    { title: t('receivingOrg'), dataIndex: 'orgName', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, g) => <GiftActions gift={g} />,
    },
  ];

  return (
    <Page title={t('giftsTitle')}>
      <QueryTable<Gift, Filters>
        queryKey={GIFTS_KEY}
        fetch={(p) => giftsApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={(filters) => [
          <GiftTotal key="total" filters={filters} narrow={narrow} />,
          <Button
            key="export"
            id="gifts-export"
            icon={<DownloadOutlined />}
            href={giftsApi.exportUrl(filters)}
            download
            title={t('exportExcel')}
            aria-label={t('exportExcel')}
          >
            {narrow ? null : t('exportExcel')}
          </Button>,
          ...(can('donations:manage')
            ? [
                <Button
                  key="create"
                  id="gift-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                >
                  {t('createGift')}
                </Button>,
              ]
            : []),
        ]}
      />
      <CreateGiftForm
        open={creating}
        onClose={() => setCreating(false)}
        defaultOrgId={me?.orgId}
        onRecorded={setRecorded}
      />
      <Modal
        open={recorded !== null}
        onCancel={() => setRecorded(null)}
        footer={
          <Button id="gift-recorded-ok" type="primary" onClick={() => setRecorded(null)}>
            {tc('ok')}
          </Button>
        }
      >
        {recorded && (
          <Result
            status="success"
            title={t('giftRecorded', { receiptNo: recorded.receiptNo })}
            subTitle={`${recorded.donorName} · ${formatFen(recorded.amountFen, { symbol: true })}`}
          />
        )}
      </Modal>
    </Page>
  );
}
