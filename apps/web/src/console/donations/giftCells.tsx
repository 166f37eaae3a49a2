import { useEffect } from 'react';
import { Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { formatFen, type Gift } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { GIFTS_KEY } from './api.ts';
import { donationsDict } from './dict.ts';

/** A gift waits for its receipt number only a moment (the receipt desk runs right after commit). */
export const isIssuing = (g: Gift) => g.status === 'confirmed' && g.receiptNo === '';

/** 开票中: while shown, the gift lists are asked again every two seconds until the number is there. */
function IssuingTag() {
  const t = useT(donationsDict);
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: GIFTS_KEY }), 2000);
    return () => clearInterval(timer);
  }, [queryClient]);
  return <Tag color="processing">{t('receiptIssuing')}</Tag>;
}

/** 有效 / 已撤销 / 开票中. */
export function GiftStatusTag({ gift }: { gift: Gift }) {
  const t = useT(donationsDict);
  if (gift.status === 'cancelled') return <Tag color="default">{t('giftCancelled')}</Tag>;
  if (isIssuing(gift)) return <IssuingTag />;
  return <Tag color="success">{t('giftConfirmed')}</Tag>;
}

/** The receipt number, copyable; a cancelled gift's is struck through like its amount. */
export function GiftReceiptNo({ gift }: { gift: Gift }) {
  if (!gift.receiptNo) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Typography.Text
      copyable={{ text: gift.receiptNo }}
      delete={gift.status === 'cancelled'}
      type={gift.status === 'cancelled' ? 'secondary' : undefined}
      style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
    >
      {gift.receiptNo}
    </Typography.Text>
  );
}

/** The amount in yuan; a cancelled gift's is struck through, as it no longer counts. */
export function GiftAmount({ gift }: { gift: Gift }) {
  const cancelled = gift.status === 'cancelled';
  return (
    <Typography.Text
      delete={cancelled}
      type={cancelled ? 'secondary' : undefined}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {formatFen(gift.amountFen, { symbol: true })}
    </Typography.Text>
  );
}

/** The appeal a gift is designated to and the donor's named purpose, or 非定向. */
export function GiftDesignation({ gift }: { gift: Gift }) {
  const t = useT(donationsDict);
  if (!gift.appealName && !gift.purpose)
    return <Typography.Text type="secondary">{t('undesignated')}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {gift.appealName && <span>{gift.appealName}</span>}
      {gift.purpose && (
        <Typography.Text type={gift.appealName ? 'secondary' : undefined}>{gift.purpose}</Typography.Text>
      )}
    </Space>
  );
}
