import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DONOR_KIND_LABELS, formatFen, GIFT_CHANNEL_LABELS, type Donor, type Gift } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { DONORS_KEY, donorsApi, GIFTS_KEY, giftsApi } from './api.ts';
import { donationsDict } from './dict.ts';
import { GiftAmount, GiftDesignation, GiftReceiptNo, GiftStatusTag, isIssuing } from './giftCells.tsx';

const PAGE_SIZE = 10;

/** The receipt PDF and 捐赠证书 of a gift, or greyed text while it has no live receipt. */
function GiftLinks({ gift }: { gift: Gift }) {
  const t = useT(donationsDict);
  const live = gift.status === 'confirmed' && !isIssuing(gift);
  const link = (href: string, action: string, text: string) =>
    live ? (
      <a href={href} target="_blank" rel="noreferrer" data-action={action}>
        {text}
      </a>
    ) : (
      <Typography.Text type="secondary">{text}</Typography.Text>
    );
  return (
    <Space size={12} style={{ whiteSpace: 'nowrap' }}>
      {link(giftsApi.receiptPdfUrl(gift.id), 'receipt-pdf', t('receiptPdf'))}
      {link(giftsApi.certificateUrl(gift.id), 'certificate', t('certificate'))}
    </Space>
  );
}

/** Every gift of one donor, newest first, paged on the server, with the sum of the ones that count. */
function DonorGifts({ donorId }: { donorId: number }) {
  const t = useT(donationsDict);
  const label = useLabel();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [...GIFTS_KEY, { donorId, page, pageSize: PAGE_SIZE }],
    queryFn: () => giftsApi.list({ donorId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const columns: TableColumnsType<Gift> = [
    { title: t('receiptNo'), key: 'receiptNo', render: (_, g) => <GiftReceiptNo gift={g} /> },
    { title: t('giftStatus'), key: 'status', render: (_, g) => <GiftStatusTag gift={g} /> },
    {
      title: t('receivedOn'),
      dataIndex: 'receivedOn',
      render: (_, g) => <span style={{ whiteSpace: 'nowrap' }}>{g.receivedOn}</span>,
    },
    { title: t('amount'), key: 'amount', align: 'right', render: (_, g) => <GiftAmount gift={g} /> },
    { title: t('channel'), key: 'channel', render: (_, g) => label(GIFT_CHANNEL_LABELS[g.channel]) },
    { title: t('designation'), key: 'designation', render: (_, g) => <GiftDesignation gift={g} /> },
    { title: t('receivingOrg'), dataIndex: 'orgName' },
    { title: t('receiptPdf'), key: 'links', render: (_, g) => <GiftLinks gift={g} /> },
  ];
  return (
    <>
      {query.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={query.error.message} />
      )}
      <Flex wrap gap="16px 48px" align="flex-end" style={{ marginBottom: 16 }}>
        <Statistic
          title={t('donorValidTotal')}
          value={data ? formatFen(data.totalFen, { symbol: true }) : '-'}
          valueStyle={{ color: '#c8161d' }}
        />
        <Statistic title={t('donorGiftCount')} value={data?.total ?? '-'} />
        <Button
          id="donor-gifts-export"
          icon={<DownloadOutlined />}
          href={giftsApi.exportUrl({ donorId })}
          download
          style={{ marginLeft: 'auto' }}
        >
          {t('exportExcel')}
        </Button>
      </Flex>
      <Table<Gift>
        id="donor-gifts"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('noGifts') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
      />
    </>
  );
}

/** 捐赠人详情: who the donor is (identity masked, as the server gives it) and all their gifts. */
export function DonorDetail({ donor: listed, onClose }: { donor: Donor; onClose: () => void }) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  // The row from the list shows at once; the donor is read again so an edit made meanwhile shows too.
  const { data: donor = listed } = useQuery({
    queryKey: [...DONORS_KEY, 'detail', listed.id],
    queryFn: () => donorsApi.get(listed.id),
  });
  const orNone = (v: string | null) => v ?? '-';
  return (
    <Drawer
      open
      onClose={onClose}
      title={`${t('donorDetail')} · ${donor.name}`}
      width={Math.min(960, window.innerWidth)}
      destroyOnHidden
      rootClassName="donor-detail"
    >
      <Descriptions
        id="donor-details"
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        style={{ marginBottom: 24 }}
      >
        <Descriptions.Item label={t('kind')}>
          <Tag bordered={false}>{label(DONOR_KIND_LABELS[donor.kind])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('name')}>{donor.name}</Descriptions.Item>
        <Descriptions.Item label={t('publicName')}>{donor.publicName}</Descriptions.Item>
        {donor.kind === 'person' && (
          <>
            <Descriptions.Item label={t('idCard')}>{orNone(donor.idCardMasked)}</Descriptions.Item>
            <Descriptions.Item label={t('nameConsent')}>
              {donor.nameConsent ? tc('yes') : tc('no')}
            </Descriptions.Item>
          </>
        )}
        {donor.kind === 'enterprise' && (
          <>
            <Descriptions.Item label={t('uscc')}>{orNone(donor.uscc)}</Descriptions.Item>
            <Descriptions.Item label={t('contact')}>{orNone(donor.contact)}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('mobile')}>{orNone(donor.mobileMasked)}</Descriptions.Item>
        <Descriptions.Item label={t('org')}>{donor.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('createdAt')}>{formatTime(donor.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('donorGifts')}
      </Typography.Title>
      <DonorGifts donorId={donor.id} />
    </Drawer>
  );
}
