import { Tag } from 'antd';
import { GIFT_STOCK_STATUS_LABELS, type GiftStockStatus } from '@boai/contracts';
import { useLabel } from '../../lib/i18n.tsx';

const COLORS: Record<GiftStockStatus, string> = {
  awaiting: 'orange',
  partly: 'blue',
  received: 'green',
  rejected: 'red',
};

/** 待入库 / 部分入库 / 已入库 / 拒收 as a coloured tag. */
export function StockStatusTag({ status }: { status: GiftStockStatus | null }) {
  const label = useLabel();
  if (!status) return null;
  return (
    <Tag color={COLORS[status]} bordered={false}>
      {label(GIFT_STOCK_STATUS_LABELS[status])}
    </Tag>
  );
}
