import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  BATCH_SOURCE_LABELS,
  formatFen,
  STOCK_MOVEMENT_KIND_LABELS,
  type StockMovement,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { BATCHES_KEY, reliefStockApi } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { LabelsButton } from './LabelsButton.tsx';

const REF_KEYS = {
  'goods-in': 'refGoodsIn',
  allocation: 'refAllocation',
  stocktake: 'refStocktake',
  adjustment: 'refAdjustment',
} as const;

/** One batch: where it is, where it came from, whom it is meant for, and its stock card. */
export function BatchDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(reliefStockDict);
  const label = useLabel();
  const { data: b } = useQuery({
    queryKey: [...BATCHES_KEY, 'detail', id],
    queryFn: () => reliefStockApi.batch(id!),
    enabled: id !== null,
  });
  // goods-in:12 → 入库单 12: the document a movement belongs to, in the office's words.
  const refLabel = (ref: string) => {
    const [type, id] = ref.split(':') as [string, string | undefined];
    const key = REF_KEYS[type as keyof typeof REF_KEYS];
    return key && id ? t(key, { id }) : ref;
  };
  const designation = b ? [b.designatedEventName, b.designatedOrgName, b.designation].filter(Boolean) : [];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(760, window.innerWidth)}
      title={b ? `${b.code} · ${b.itemName}` : ''}
      extra={b && <LabelsButton url={(copies) => reliefStockApi.batchLabelsUrl([b.id], copies)} />}
    >
      {b && (
        <>
          <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
            <Descriptions.Item label={t('item')}>
              {b.itemCode} {b.itemName} {b.spec ? `（${b.spec}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('warehouse')}>
              {b.warehouseName}
              {b.locationCode ? ` · ${b.locationCode}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('lot')}>{b.lotNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('expiresOn')}>{b.expiresOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('source')}>{label(BATCH_SOURCE_LABELS[b.source])}</Descriptions.Item>
            {b.source === 'gift' ? (
              <Descriptions.Item label={t('donor')}>
                {b.donorName}{' '}
                {b.giftReceiptNo ? (
                  <Typography.Text type="secondary">{b.giftReceiptNo}</Typography.Text>
                ) : null}
              </Descriptions.Item>
            ) : b.source === 'purchase' ? (
              <Descriptions.Item label={t('supplier')}>
                {b.supplier} {b.purchaseRef ?? ''}
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('source')}>—</Descriptions.Item>
            )}
            <Descriptions.Item label={t('designation')} span={2}>
              {designation.length
                ? designation.map((d) => (
                    <Tag key={d} color="red">
                      {d}
                    </Tag>
                  ))
                : t('undesignated')}
            </Descriptions.Item>
            <Descriptions.Item label={t('receivedQty')}>
              {b.receivedQty} {b.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('onHand')}>
              {b.onHand} {b.unit}（{t('reserved')} {b.reserved}，{t('free')} {b.free}）
            </Descriptions.Item>
            <Descriptions.Item label={t('unitValue')}>
              {formatFen(b.unitValueFen, { symbol: true })}
            </Descriptions.Item>
            <Descriptions.Item label={t('value')}>
              {formatFen(b.valueFen, { symbol: true })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('stockCard')}
          </Typography.Title>
          <Table<StockMovement>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={b.movements}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('at'), dataIndex: 'at', render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
              {
                title: t('movementKind'),
                dataIndex: 'kind',
                render: (_, m) => label(STOCK_MOVEMENT_KIND_LABELS[m.kind]),
              },
              {
                title: t('movementQty'),
                dataIndex: 'quantity',
                align: 'right',
                render: (q: number) => (
                  <Typography.Text type={q < 0 ? 'danger' : 'success'}>{q > 0 ? `+${q}` : q}</Typography.Text>
                ),
              },
              { title: t('balance'), dataIndex: 'balance', align: 'right' },
              { title: t('ref'), dataIndex: 'ref', render: (ref: string) => refLabel(ref) },
              { title: t('actor'), dataIndex: 'actor' },
              { title: t('note'), dataIndex: 'note' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
