import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  List,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentMimeSchema,
  formatFen,
  VALUATION_BASIS_LABELS,
  type GiftItem,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCan } from '../auth/index.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { donationsDict } from './dict.ts';
import { attachmentUrl, giftDetailKey, goodsApi } from './goodsApi.ts';
import { goodsDict } from './goodsDict.ts';
import { StockStatusTag } from './GoodsStockStatusTag.tsx';
import { GiftJourneySection } from '../relief/reports/GiftJourneySection.tsx';

/** The file as Base64, without the `data:…;base64,` prefix the browser puts in front. */
const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

const kib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Uploads a document for the gift or one of its lines; the server checks the type by the file's bytes too. */
function AttachmentUpload({ giftId, items }: { giftId: number; items: GiftItem[] }) {
  const t = useT(goodsDict);
  const run = useSubmit();
  const [itemId, setItemId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (file: File) => {
    setProblem(null);
    const mime = attachmentMimeSchema.safeParse(file.type);
    if (!mime.success) return setProblem(t('fileType'));
    if (file.size > ATTACHMENT_MAX_BYTES) return setProblem(t('fileTooLarge'));
    setBusy(true);
    try {
      await run(
        async () =>
          goodsApi.attach(giftId, {
            fileName: file.name,
            mime: mime.data,
            contentBase64: await toBase64(file),
            itemId,
          }),
        { invalidate: [giftDetailKey(giftId)], success: t('uploaded'), onError: setProblem },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {items.length > 0 && (
          <Select<number | null>
            id="attachment-item"
            aria-label={t('forLine')}
            value={itemId}
            onChange={setItemId}
            style={{ minWidth: 200 }}
            options={[
              { value: null, label: t('wholeGift') },
              ...items.map((i) => ({ value: i.id, label: `${i.lineNo}. ${i.name}` })),
            ]}
          />
        )}
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button id="attachment-upload" icon={<UploadOutlined />} loading={busy}>
            {t('upload')}
          </Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('attachmentsHint')}
      </Typography.Text>
      {problem && <Alert type="error" showIcon message={problem} />}
    </Space>
  );
}

/** A gift of goods: its lines, valuation, stock status, receipt and documents. */
export function GoodsGiftDrawer({
  giftId,
  justRecorded,
  onClose,
}: {
  giftId: number | null;
  /** Just entered: say so, with its receipt number. */
  justRecorded?: boolean;
  onClose: () => void;
}) {
  const t = useT(goodsDict);
  const td = useT(donationsDict);
  const label = useLabel();
  const can = useCan();
  const detail = useQuery({
    queryKey: giftDetailKey(giftId ?? 0),
    queryFn: () => goodsApi.get(giftId!),
    enabled: giftId !== null,
  });
  const g = detail.data;
  const itemName = new Map((g?.items ?? []).map((i) => [i.id, `${i.lineNo}. ${i.name}`]));
  return (
    <Drawer
      open={giftId !== null}
      onClose={onClose}
      title={t('detailTitle')}
      width={Math.min(820, window.innerWidth)}
      destroyOnHidden
      extra={
        g?.receiptNo ? (
          <Button
            icon={<FilePdfOutlined />}
            href={`/api/gifts/${g.id}/receipt.pdf`}
            target="_blank"
            data-action="receipt-pdf"
          >
            {td('viewReceipt')}
          </Button>
        ) : null
      }
    >
      {!g ? (
        detail.isError ? (
          <Alert type="error" showIcon message={detail.error.message} />
        ) : (
          <Spin />
        )
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {justRecorded && (
            <Alert type="success" showIcon message={t('recorded', { receiptNo: g.receiptNo })} />
          )}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              {
                key: 'receipt',
                label: td('receiptNo'),
                children: (
                  <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                    {g.receiptNo}
                  </Typography.Text>
                ),
              },
              { key: 'status', label: t('stockStatus'), children: <StockStatusTag status={g.stockStatus} /> },
              { key: 'donor', label: td('donor'), children: g.donorName },
              { key: 'received', label: t('receivedOn'), children: g.receivedOn },
              { key: 'org', label: td('receivingOrg'), children: g.orgName },
              {
                key: 'value',
                label: t('valuation'),
                children: (
                  <Typography.Text strong>{formatFen(g.amountFen, { symbol: true })}</Typography.Text>
                ),
              },
              {
                key: 'designation',
                label: td('designation'),
                children: [g.appealName, g.purpose].filter(Boolean).join(' · ') || td('undesignated'),
              },
              ...(g.note ? [{ key: 'note', label: t('note'), children: g.note }] : []),
              ...(g.status === 'cancelled'
                ? [
                    {
                      key: 'cancelled',
                      label: td('status'),
                      children: <Tag color="red">{t('cancelled')}</Tag>,
                    },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('items')}</Typography.Title>
            <Table<GiftItem>
              size="small"
              rowKey="id"
              dataSource={g.items}
              pagination={g.items.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('lineNo'), dataIndex: 'lineNo', width: 56 },
                { title: t('itemName'), dataIndex: 'name' },
                { title: t('spec'), dataIndex: 'spec', render: (v: string | null) => v ?? '-' },
                {
                  title: t('quantity'),
                  key: 'quantity',
                  align: 'right',
                  render: (_, i) => `${i.quantity.toLocaleString('en-US')} ${i.unit}`,
                },
                {
                  title: t('unitValue'),
                  dataIndex: 'unitValueFen',
                  align: 'right',
                  render: (v: number) => formatFen(v),
                },
                {
                  title: t('lineValue'),
                  dataIndex: 'valueFen',
                  align: 'right',
                  render: (v: number) => formatFen(v, { symbol: true }),
                },
                {
                  title: t('basis'),
                  dataIndex: 'valuationBasis',
                  render: (_, i) => label(VALUATION_BASIS_LABELS[i.valuationBasis]),
                },
                { title: t('batchNo'), dataIndex: 'batchNo', render: (v: string | null) => v ?? '-' },
                { title: t('expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => v ?? '-' },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('attachments')}</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: t('noAttachments') }}
              dataSource={g.attachments}
              renderItem={(a) => (
                <List.Item>
                  <Space wrap>
                    <PaperClipOutlined />
                    <a href={attachmentUrl(g.id, a.id)} data-attachment={a.id}>
                      {a.fileName}
                    </a>
                    <Typography.Text type="secondary">
                      {kib(a.sizeBytes)}
                      {a.itemId ? ` · ${itemName.get(a.itemId) ?? ''}` : ''} · {formatTime(a.createdAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {can('donations:manage') && <AttachmentUpload giftId={g.id} items={g.items} />}
          </div>
          {can('relief:read') && <GiftJourneySection giftId={g.id} />}
        </Space>
      )}
    </Drawer>
  );
}
