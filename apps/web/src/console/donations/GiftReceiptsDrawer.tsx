import { Alert, Descriptions, Drawer, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatFen, type Gift, type GiftReceipt } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { giftReceiptsKey, giftsApi } from './api.ts';
import { donationsDict } from './dict.ts';

const mono = { fontFamily: 'monospace' } as const;

function ReceiptEntry({ receipt, replacedBy }: { receipt: GiftReceipt; replacedBy?: string }) {
  const t = useT(donationsDict);
  const voided = receipt.status === 'voided';
  return (
    <div data-receipt={receipt.number}>
      <Space wrap size={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong delete={voided} copyable={{ text: receipt.number }} style={mono}>
          {receipt.number}
        </Typography.Text>
        {voided ? (
          <Tag color="error">{t('receiptVoided')}</Tag>
        ) : (
          <Tag color="success">{t('receiptLive')}</Tag>
        )}
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatFen(receipt.amountFen, { symbol: true })}
        </Typography.Text>
      </Space>
      <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('issuedAt')}>{formatTime(receipt.issuedAt)}</Descriptions.Item>
        {receipt.replacesNumber && (
          <Descriptions.Item label={t('replaces')}>
            <span style={mono}>{receipt.replacesNumber}</span>
          </Descriptions.Item>
        )}
        {voided && (
          <>
            <Descriptions.Item label={t('voidedAt')}>{formatTime(receipt.voidedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('voidedBy')}>{receipt.voidedBy ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('voidReason')}>{receipt.voidReason ?? '-'}</Descriptions.Item>
            {replacedBy && (
              <Descriptions.Item label={t('replacedBy')}>
                <span style={mono}>{replacedBy}</span>
              </Descriptions.Item>
            )}
          </>
        )}
      </Descriptions>
    </div>
  );
}

/** 票据记录: every receipt a gift ever had, newest first — the live one and each voided one with why, when, who. */
export function GiftReceiptsDrawer({ gift, onClose }: { gift: Gift; onClose: () => void }) {
  const t = useT(donationsDict);
  const query = useQuery({
    queryKey: giftReceiptsKey(gift.id),
    queryFn: () => giftsApi.receipts(gift.id),
  });
  const items = query.data?.items ?? [];
  // The server names what each receipt replaced; the other direction is read off the same list.
  const successor = new Map(items.flatMap((r) => (r.replacesNumber ? [[r.replacesNumber, r.number]] : [])));
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('receiptHistoryOf', {
        donor: gift.donorName,
        amount: formatFen(gift.amountFen, { symbol: true }),
      })}
      width={Math.min(520, window.innerWidth)}
      destroyOnHidden
      rootClassName="gift-receipts-drawer"
    >
      {query.isPending && <Spin style={{ display: 'block', margin: 40 }} />}
      {query.isError && <Alert type="error" showIcon message={query.error.message} />}
      {query.isSuccess && items.length === 0 && <Empty description={t('noReceipts')} />}
      {items.length > 0 && (
        <div id="gift-receipts">
          <Timeline
            items={items.map((r) => ({
              key: r.id,
              color: r.status === 'voided' ? 'red' : 'green',
              children: <ReceiptEntry receipt={r} replacedBy={successor.get(r.number)} />,
            }))}
          />
        </div>
      )}
    </Drawer>
  );
}
